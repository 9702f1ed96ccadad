-- 0003: cheaper claim writes (issue #6: >= 100,000 claim rows/s).
--
-- 1. claims_entity_idx goes: no report or view filters on entity equality
--    (they match entities by substring, strpos(lower(entity), ...), which a
--    btree cannot serve), yet every COPYed claim paid for its maintenance.
--    The category index stays: reports for one category use it
--    (claim_copies_in(p_category): bitmap scan when the category is rare).
-- 2. The reference check of 0002 reads the transition table once instead of
--    four times: the distinct article and speaker ids are gathered into two
--    arrays, then looked up (and locked FOR KEY SHARE) by primary key with
--    = ANY. Before, each IN (SELECT ... FROM new_claims) ... FOR KEY SHARE
--    scanned and hashed whole claim rows: ~5x the time for 50,000 claims
--    (auto_explain: 325 ms -> 62 ms), and its plan could turn into a scan of
--    articles as that table grows. Same semantics and errors (SQLSTATE 23503).

DROP INDEX claims_entity_idx;

CREATE OR REPLACE FUNCTION claims_check_references() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  article_ids bigint[];
  speaker_ids int[];
  found bigint;
BEGIN
  SELECT array_agg(DISTINCT article_id),
         array_agg(DISTINCT speaker_id) FILTER (WHERE speaker_id IS NOT NULL)
    INTO article_ids, speaker_ids
    FROM new_claims;
  SELECT count(*) INTO found FROM (
    SELECT 1 FROM articles a WHERE a.id = ANY (article_ids) FOR KEY SHARE OF a) s;
  IF found < coalesce(cardinality(article_ids), 0) THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'claims.article_id refers to a missing article',
      DETAIL = format('article_id %s is not in articles',
        (SELECT min(n) FROM unnest(article_ids) n
         WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n)));
  END IF;
  IF speaker_ids IS NOT NULL THEN
    SELECT count(*) INTO found FROM (
      SELECT 1 FROM speakers s WHERE s.id = ANY (speaker_ids) FOR KEY SHARE OF s) t;
    IF found < cardinality(speaker_ids) THEN
      RAISE foreign_key_violation USING
        MESSAGE = 'claims.speaker_id refers to a missing speaker';
    END IF;
  END IF;
  RETURN NULL;
END $$;
