-- 0002: claims' references checked once per statement instead of once per row.
--
-- Why: a FOREIGN KEY checks each inserted claim with its own lookup and row
-- lock; for the bulk COPY of ingest that was half of the server's time
-- (100k claim rows: 8-9 s with the two FKs, 3.8 s with these statement
-- triggers, 3.5 s with no check at all, same busy machine; docs/scaling.md).
-- These triggers keep the FK semantics set-wise, with transition tables:
--   * inserting or updating claims: every article_id (and speaker_id) must
--     exist; the referenced rows are locked FOR KEY SHARE, like an FK does,
--     so a concurrent DELETE waits for this transaction;
--   * deleting articles deletes their claims (was ON DELETE CASCADE);
--   * deleting a speaker still used by a claim is refused.
-- SQLSTATE is 23503 (foreign_key_violation), as with an FK.
-- CAVEAT: changing articles.id or speakers.id is not checked (claimex never
-- does; the ids are serial keys). On Citus use real FKs again (docs/scaling.md).

ALTER TABLE claims DROP CONSTRAINT claims_article_id_fkey;
ALTER TABLE claims DROP CONSTRAINT claims_speaker_id_fkey;

CREATE FUNCTION claims_check_references() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  wanted bigint;
  found bigint;
BEGIN
  SELECT count(DISTINCT article_id) INTO wanted FROM new_claims;
  SELECT count(*) INTO found FROM (
    SELECT 1 FROM articles a
    WHERE a.id IN (SELECT article_id FROM new_claims) FOR KEY SHARE OF a) s;
  IF found < wanted THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'claims.article_id refers to a missing article',
      DETAIL = format('article_id %s is not in articles',
        (SELECT min(n.article_id) FROM new_claims n
         WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n.article_id)));
  END IF;
  SELECT count(DISTINCT speaker_id) INTO wanted FROM new_claims;
  IF wanted > 0 THEN
    SELECT count(*) INTO found FROM (
      SELECT 1 FROM speakers s
      WHERE s.id IN (SELECT speaker_id FROM new_claims) FOR KEY SHARE OF s) t;
    IF found < wanted THEN
      RAISE foreign_key_violation USING
        MESSAGE = 'claims.speaker_id refers to a missing speaker';
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- Transition tables allow one event per trigger: one for INSERT (COPY
-- included), one for UPDATE.
CREATE TRIGGER claims_references_insert AFTER INSERT ON claims
  REFERENCING NEW TABLE AS new_claims
  FOR EACH STATEMENT EXECUTE FUNCTION claims_check_references();
CREATE TRIGGER claims_references_update AFTER UPDATE ON claims
  REFERENCING NEW TABLE AS new_claims
  FOR EACH STATEMENT EXECUTE FUNCTION claims_check_references();

CREATE FUNCTION articles_delete_claims() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM claims WHERE article_id IN (SELECT id FROM old_articles);
  RETURN NULL;
END $$;
CREATE TRIGGER articles_cascade_claims AFTER DELETE ON articles
  REFERENCING OLD TABLE AS old_articles
  FOR EACH STATEMENT EXECUTE FUNCTION articles_delete_claims();

CREATE FUNCTION speakers_check_unused() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM claims c WHERE c.speaker_id IN (SELECT id FROM old_speakers)) THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'a deleted speaker is still referenced by claims';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER speakers_restrict_delete AFTER DELETE ON speakers
  REFERENCING OLD TABLE AS old_speakers
  FOR EACH STATEMENT EXECUTE FUNCTION speakers_check_unused();
