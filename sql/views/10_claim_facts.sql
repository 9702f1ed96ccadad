-- claim_facts: one row per stored claim, joined with its article, source and
-- speaker, plus two derived columns every report needs:
--   effective_date  the day the figure holds: the end of the claim's own time
--                   scope when the text gives one, else the publication date
--                   (SPEC: "a claim with no time expression ... is dated by
--                   publication"); a scope with only a start is dated by its
--                   start. Ingest stores it in claims.effective_date; rows
--                   stored without it fall back to the same rule here;
--   lo_bound, hi_bound  the interval of values the claim allows, NULL where
--                   open: exact [v, v]; approximate [0.9 v, 1.1 v] (a 10 %
--                   reading of "about"); lower_bound [low, open);
--   upper_bound (open, high]; range and vague [low, high]. Two claims whose
--                   intervals do not overlap cannot both be true (compare).
-- Views are recreated by claimex before reports run (extractor/report/views.h);
-- each file drops its own view with CASCADE and later files rebuild the rest.
DROP VIEW IF EXISTS claim_facts CASCADE;
CREATE VIEW claim_facts AS
SELECT c.article_id,
       c.claim_no,
       s.name                              AS source,
       a.doc_id,
       a.url,
       a.title,
       a.published,
       COALESCE(a.doc_id, a.url, '#' || a.id::text) AS article,
       c.sentence,
       c.start_byte,
       c.end_byte,
       c.text,
       c.value,
       c.low,
       c.high,
       c.qualifier,
       c.kind,
       c.unit,
       c.norm_value,
       c.norm_unit,
       c.entity,
       c.predicate,
       c.category,
       c.aggregation,
       c.change,
       c.time_start,
       c.time_end,
       c.time_text,
       sp.name                             AS speaker_name,
       sp.type                             AS speaker_type,
       sp.canonical                        AS speaker,
       c.speaker_role,
       c.speaker_cue,
       COALESCE(c.effective_date, c.time_end, c.time_start, a.published) AS effective_date,
       CASE c.qualifier
         WHEN 'exact'       THEN COALESCE(c.value, c.low)
         WHEN 'approximate' THEN c.value * 0.9
         WHEN 'lower_bound' THEN COALESCE(c.low, c.value)
         WHEN 'upper_bound' THEN NULL
         ELSE c.low
       END                                 AS lo_bound,
       CASE c.qualifier
         WHEN 'exact'       THEN COALESCE(c.value, c.high)
         WHEN 'approximate' THEN c.value * 1.1
         WHEN 'lower_bound' THEN NULL
         WHEN 'upper_bound' THEN COALESCE(c.high, c.value)
         ELSE c.high
       END                                 AS hi_bound
FROM claims c
JOIN articles a       ON a.id = c.article_id
LEFT JOIN sources s   ON s.id = a.source_id
LEFT JOIN speakers sp ON sp.id = c.speaker_id;
