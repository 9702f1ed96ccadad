-- A figure's time series: every claim of one category in date order, with
-- its publication date, source, speaker, figure and bounds. Syndicated copies
-- of one wire sentence are one row (source = the original, outlets = every
-- source that carried it). Rows are ordered by effective date (end of the
-- claim's time scope, else publication), then publication date and source.
-- @param category text default=displacement  claim category (SPEC's nine; "any" for all)
-- @param entity text  only entities containing this text (case-insensitive)
-- @param since date  earliest effective date (YYYY-MM-DD)
-- @param until date  latest effective date (YYYY-MM-DD)
-- @param source text  only claims carried by this outlet (case-insensitive)
-- The chart (--plot) draws the running totals (aggregation cumulative) when
-- there are any, so that figures of another scale (increments, undated
-- side figures) do not flatten the series; the table lists every claim.
-- @plot x=time_end,published y=value low=low high=high qualifier=qualifier series=source prefer=aggregation:cumulative
-- @plot-title {category}: running totals by source
SELECT published,
       source,
       speaker,
       value,
       low,
       high,
       qualifier,
       time_start,
       time_end,
       aggregation,
       article,
       text,
       outlets
FROM distinct_claims_in(NULLIF($1::text, 'any')) d
WHERE true
  AND ($2::text IS NULL OR strpos(lower(d.entity), lower($2::text)) > 0)
  AND ($3::date IS NULL OR d.effective_date >= $3::date)
  AND ($4::date IS NULL OR d.effective_date <= $4::date)
  AND ($5::text IS NULL OR strpos(lower(', ' || d.outlets || ','), ', ' || lower($5::text) || ',') > 0)
ORDER BY d.effective_date, d.published, d.source, d.article, d.claim_no;
