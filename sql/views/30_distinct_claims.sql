-- distinct_claims: claim_facts with syndicated copies merged (see
-- claim_copies): one row per original claim, with `outlets` (every source
-- that carried it, original first), `n_outlets` and `n_copies`. Reports that
-- count or compare figures read this, so a wire paragraph reprinted by three
-- outlets is one claim by its original source.
-- distinct_claims_in(category) is the same for one category (NULL: all);
-- reports call it with their category parameter so that only that
-- category's claims are grouped.
DROP VIEW IF EXISTS distinct_claims CASCADE;
CREATE VIEW distinct_claims AS
SELECT f.*, cc.copy_group, cc.outlets, cc.n_outlets, cc.n_copies
FROM claim_facts f
JOIN claim_copies_in(NULL) cc USING (article_id, claim_no)
WHERE cc.is_original;
CREATE FUNCTION distinct_claims_in(p_category text)
RETURNS SETOF distinct_claims
LANGUAGE sql STABLE AS $$
  SELECT f.*, cc.copy_group, cc.outlets, cc.n_outlets, cc.n_copies
  FROM claim_facts f
  JOIN claim_copies_in(p_category) cc USING (article_id, claim_no)
  WHERE cc.is_original AND (p_category IS NULL OR f.category = p_category)
$$;
