-- distinct_claims: claim_facts with syndicated copies merged (see
-- claim_copies): one row per original claim, with `outlets` (every source
-- that carried it, original first), `n_outlets` and `n_copies`. Reports that
-- count or compare figures read this view, so a wire paragraph reprinted by
-- three outlets is one claim by its original source.
DROP VIEW IF EXISTS distinct_claims CASCADE;
CREATE VIEW distinct_claims AS
SELECT f.*, cc.copy_group, cc.outlets, cc.n_outlets, cc.n_copies
FROM claim_facts f
JOIN claim_copies cc USING (article_id, claim_no)
WHERE cc.is_original;
