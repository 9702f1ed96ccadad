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
--
-- claim_copies_in(category) computes the groups of one category only (NULL:
-- all). Since the category is part of the fingerprint, this gives the same
-- groups as the whole view, and reports that name a category call it so
-- that only that category's claims are sorted and grouped.
DROP VIEW IF EXISTS claim_copies CASCADE;
DROP FUNCTION IF EXISTS claim_copies_in(text) CASCADE;
CREATE FUNCTION claim_copies_in(p_category text)
RETURNS TABLE (article_id bigint, claim_no int, category text, copy_group text,
               is_original boolean, original_article_id bigint, original_claim_no int,
               original_source text, outlets text, n_outlets bigint, n_copies bigint)
LANGUAGE sql STABLE AS $$
WITH fp AS (
  SELECT f.article_id, f.claim_no, f.category, f.source, f.published,
         md5(concat_ws('|', f.category, f.kind, f.unit, f.qualifier,
                       trim_scale(f.value)::text, trim_scale(f.low)::text,
                       trim_scale(f.high)::text, lower(btrim(f.text)), f.entity,
                       f.predicate, f.aggregation, f.speaker,
                       lower(btrim(f.time_text)))) AS fingerprint
  FROM claim_facts f
  WHERE p_category IS NULL OR f.category = p_category
), gaps AS (
  SELECT fp.*,
         CASE WHEN fp.published - lag(fp.published) OVER w > 3 THEN 1 ELSE 0 END AS new_island
  FROM fp
  WINDOW w AS (PARTITION BY fp.fingerprint ORDER BY fp.published, fp.source, fp.article_id, fp.claim_no)
), islands AS (
  SELECT gaps.*,
         sum(gaps.new_island) OVER (
             PARTITION BY gaps.fingerprint
             ORDER BY gaps.published, gaps.source, gaps.article_id, gaps.claim_no
             ROWS UNBOUNDED PRECEDING) AS island
  FROM gaps
), ranked AS MATERIALIZED (
  -- Same sort order as above (fingerprint, island follow from it), so the
  -- planner reuses it.
  SELECT islands.*,
         islands.fingerprint || ':' || islands.island::text AS grp,
         row_number() OVER g AS copy_rank,
         first_value(islands.article_id) OVER g AS first_article,
         first_value(islands.claim_no) OVER g AS first_claim,
         first_value(islands.source) OVER g AS first_source,
         count(*) OVER (PARTITION BY islands.fingerprint, islands.island) AS copies
  FROM islands
  WINDOW g AS (PARTITION BY islands.fingerprint, islands.island
               ORDER BY islands.published, islands.source, islands.article_id, islands.claim_no)
), outlets AS (
  SELECT per_source.grp,
         string_agg(per_source.source, ', ' ORDER BY per_source.first_seen, per_source.source) AS outlets,
         count(*) AS n_outlets
  FROM (SELECT r.grp, r.source, min(r.copy_rank) AS first_seen
        FROM ranked r WHERE r.copies > 1 GROUP BY r.grp, r.source) per_source
  GROUP BY per_source.grp
)
SELECT r.article_id, r.claim_no, r.category, r.grp, r.copy_rank = 1,
       r.first_article, r.first_claim, r.first_source,
       COALESCE(o.outlets, r.source), COALESCE(o.n_outlets, 1), r.copies
FROM ranked r
LEFT JOIN outlets o ON r.copies > 1 AND o.grp = r.grp
$$;
CREATE VIEW claim_copies AS SELECT * FROM claim_copies_in(NULL);
