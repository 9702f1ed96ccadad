-- The latest figure per source: for each source and each counted entity of
-- one category, the most recent claim (by effective date, then publication,
-- then the first mention in the article), with its bounds, speaker and date.
-- Syndicated copies count for their original source only.
-- @param category text default=displacement  claim category (SPEC's nine; "any" for all)
-- @param entity text  only entities containing this text (case-insensitive)
-- @param until date  ignore claims dated after this day (YYYY-MM-DD)
-- @param aggregation text default=cumulative  cumulative (running totals and undated levels), increment, or any
SELECT source,
       entity,
       published,
       speaker,
       value,
       low,
       high,
       qualifier,
       time_start,
       time_end,
       article,
       text,
       outlets
FROM (
  SELECT d.*,
         row_number() OVER (PARTITION BY d.source, d.entity, d.kind, d.unit
                            ORDER BY d.effective_date DESC, d.published DESC,
                                     d.article_id DESC, d.claim_no) AS rn
  FROM distinct_claims_in(NULLIF($1::text, 'any')) d
  WHERE true
    AND ($2::text IS NULL OR strpos(lower(d.entity), lower($2::text)) > 0)
    AND ($3::date IS NULL OR d.effective_date <= $3::date)
    AND (CASE $4::text
           WHEN 'any' THEN true
           WHEN 'increment' THEN d.aggregation = 'increment'
           ELSE d.aggregation IS DISTINCT FROM 'increment'
         END)
) latest
WHERE rn = 1
ORDER BY source, entity NULLS LAST, published DESC;
