-- The same figure across sources: for one category within a window, per
-- source its latest figure (the latest article's first matching claim: the
-- lede figure), who said it and when, and the spread between sources.
-- Figures are compared only within one kind and unit (counts with counts,
-- percentages with percentages). Syndicated copies count once, for their
-- original source (`outlets` names every source that carried them).
-- `disagrees_with` names the sources whose figure cannot be true together
-- with this one: the intervals the two claims allow do not overlap ("about"
-- reads as +/-10 %) and they hold within `days` days of each other (a
-- running total may well grow from 586,000 to over a million in two weeks).
-- @param category text default=displacement  claim category (SPEC's nine)
-- @param entity text  only entities containing this text (case-insensitive)
-- @param since date  window start, by effective date (YYYY-MM-DD)
-- @param until date  window end, by effective date (YYYY-MM-DD)
-- @param aggregation text default=cumulative  cumulative (running totals and undated levels), increment, or any
-- @param days int default=5  figures dated at most this many days apart must agree
-- @plot x=time_end,published y=value low=low high=high qualifier=qualifier series=source
-- @plot-title Latest {category} figure by source
WITH pick AS (
  SELECT d.*,
         COALESCE(d.value, d.low, d.high) AS figure,
         row_number() OVER (PARTITION BY d.source, d.kind, d.unit
                            ORDER BY d.effective_date DESC, d.published DESC,
                                     d.article_id DESC, d.claim_no) AS rn,
         count(*) OVER (PARTITION BY d.source, d.kind, d.unit) AS source_claims
  FROM distinct_claims_in($1::text) d
  WHERE true
    AND ($2::text IS NULL OR strpos(lower(d.entity), lower($2::text)) > 0)
    AND ($3::date IS NULL OR d.effective_date >= $3::date)
    AND ($4::date IS NULL OR d.effective_date <= $4::date)
    AND (CASE $5::text
           WHEN 'any' THEN true
           WHEN 'increment' THEN d.aggregation = 'increment'
           ELSE d.aggregation IS DISTINCT FROM 'increment'
         END)
), latest AS (
  SELECT * FROM pick WHERE rn = 1
)
SELECT CASE WHEN l.unit IS NULL OR l.unit = l.kind THEN l.kind
            ELSE l.kind || ' ' || l.unit END              AS figure,
       l.source,
       l.value,
       l.low,
       l.high,
       l.qualifier,
       l.entity,
       l.speaker,
       l.published,
       l.time_start,
       l.time_end,
       l.source_claims                                   AS claims,
       min(l.figure) OVER grp                            AS min_figure,
       max(l.figure) OVER grp                            AS max_figure,
       max(l.figure) OVER grp - min(l.figure) OVER grp   AS spread,
       (SELECT string_agg(o.source, ', ' ORDER BY o.source)
        FROM latest o
        WHERE o.kind = l.kind AND o.unit IS NOT DISTINCT FROM l.unit
          AND o.source <> l.source
          AND abs(o.effective_date - l.effective_date) <= $6::int
          AND ((o.hi_bound IS NOT NULL AND l.lo_bound IS NOT NULL AND o.hi_bound < l.lo_bound)
            OR (l.hi_bound IS NOT NULL AND o.lo_bound IS NOT NULL AND l.hi_bound < o.lo_bound))
       )                                                 AS disagrees_with,
       l.article,
       l.text,
       l.outlets
FROM latest l
WINDOW grp AS (PARTITION BY l.kind, l.unit)
ORDER BY figure, l.effective_date DESC, l.source;
