-- figure_series: one row per figure followed over time, i.e. per category +
-- entity (+ place) + kind + unit, over distinct claims (syndicated copies
-- merged): how many claims and sources report it, over which dates, the
-- smallest and largest stated figure and the latest one.
-- `place` is NULL while the extractor stores no place for a claim (claims has
-- no place column yet); grouping by it now keeps the view's shape when one
-- lands. The figure used for min/max/latest is the stated value, else the
-- lower, else the upper bound.
DROP VIEW IF EXISTS figure_series CASCADE;
CREATE VIEW figure_series AS
WITH d AS (
  SELECT dc.*, NULL::text AS place,
         COALESCE(dc.value, dc.low, dc.high) AS figure
  FROM distinct_claims dc
)
SELECT category,
       entity,
       place,
       kind,
       unit,
       count(*)                                  AS claims,
       count(DISTINCT source)                    AS sources,
       min(effective_date)                       AS first_date,
       max(effective_date)                       AS last_date,
       min(figure)                               AS min_figure,
       max(figure)                               AS max_figure,
       (array_agg(figure ORDER BY effective_date DESC, published DESC, article_id DESC,
                  claim_no))[1]                  AS latest_figure
FROM d
GROUP BY category, entity, place, kind, unit;
