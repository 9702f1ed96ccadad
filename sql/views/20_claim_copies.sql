-- claim_copies: groups syndicated copies of one claim. Wire copy reprinted by
-- several outlets (the same sentence with the same figure) must count once
-- when sources are compared. The database keeps no sentence text, so "the
-- same sentence, the same figure" is read as the same fingerprint:
--   category, kind, unit, qualifier, value, low, high, the mention as written
--   (lower-cased), entity, predicate, aggregation, speaker (canonical) and the
--   time expression as written (not its resolved dates: "since December"
--   resolves to a different end date in a copy published a day later),
-- published within 3 days of the previous copy (gaps-and-islands: a figure
-- repeated a month later is news again, not a copy).
-- The original of a group is its earliest publication (ties: source name,
-- then article id); `outlets` lists every source that carried it, original
-- first. One row per claim; `is_original` marks the row reports keep.
DROP VIEW IF EXISTS claim_copies CASCADE;
CREATE VIEW claim_copies AS
WITH fp AS (
  SELECT f.article_id, f.claim_no, f.source, f.published,
         md5(concat_ws('|', f.category, f.kind, f.unit, f.qualifier,
                       trim_scale(f.value)::text, trim_scale(f.low)::text,
                       trim_scale(f.high)::text, lower(btrim(f.text)), f.entity,
                       f.predicate, f.aggregation, f.speaker,
                       lower(btrim(f.time_text)))) AS fingerprint
  FROM claim_facts f
), gaps AS (
  SELECT fp.*,
         CASE WHEN published - lag(published) OVER w > 3 THEN 1 ELSE 0 END AS new_island
  FROM fp
  WINDOW w AS (PARTITION BY fingerprint ORDER BY published, source, article_id, claim_no)
), islands AS (
  SELECT gaps.*,
         fingerprint || ':' || sum(new_island) OVER (
             PARTITION BY fingerprint ORDER BY published, source, article_id, claim_no
             ROWS UNBOUNDED PRECEDING)::text AS copy_group
  FROM gaps
), ranked AS (
  SELECT islands.*,
         row_number() OVER (PARTITION BY copy_group
                            ORDER BY published, source, article_id, claim_no) AS copy_rank
  FROM islands
), outlets AS (
  SELECT copy_group,
         string_agg(source, ', ' ORDER BY first_seen, source) AS outlets,
         count(*)                                            AS n_outlets
  FROM (SELECT copy_group, source, min(copy_rank) AS first_seen
        FROM ranked GROUP BY copy_group, source) per_source
  GROUP BY copy_group
)
SELECT r.article_id,
       r.claim_no,
       r.copy_group,
       r.copy_rank = 1                     AS is_original,
       first_value(r.article_id) OVER g    AS original_article_id,
       first_value(r.claim_no) OVER g      AS original_claim_no,
       first_value(r.source) OVER g        AS original_source,
       o.outlets,
       o.n_outlets,
       count(*) OVER (PARTITION BY r.copy_group) AS n_copies
FROM ranked r
JOIN outlets o USING (copy_group)
WINDOW g AS (PARTITION BY r.copy_group ORDER BY r.copy_rank);
