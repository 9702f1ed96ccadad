-- pgTAP tests of sql/views/ on the fixture of fixture/claims.sql. Run by
-- tests/cli/report_pgtap.sh, which loads the schema (claimex migrations),
-- the views and the fixture first. Each file runs in one rolled-back
-- transaction.
BEGIN;
SELECT plan(19);

SELECT has_view('claim_facts');
SELECT has_view('claim_copies');
SELECT has_view('distinct_claims');
SELECT has_view('figure_series');

SELECT is((SELECT count(*) FROM claim_facts), 10::bigint, 'claim_facts: one row per claim');
SELECT is((SELECT effective_date FROM claim_facts WHERE text = 'Tens of thousands'),
          '2020-02-05'::date, 'effective date: no time scope -> publication date');
SELECT is((SELECT effective_date FROM claim_facts WHERE article = 'afp-0129' AND claim_no = 0),
          '2020-01-29'::date, 'effective date: end of the time scope');
SELECT results_eq($$SELECT lo_bound, hi_bound FROM claim_facts WHERE text = 'about 520,000'$$,
                  $$VALUES (468000.0::numeric, 572000.0::numeric)$$, 'approximate reads as +/-10 %');
SELECT results_eq($$SELECT lo_bound, hi_bound FROM claim_facts WHERE text = 'nearly 900,000'$$,
                  $$VALUES (NULL::numeric, 900000::numeric)$$, 'upper bound is open below');
SELECT is((SELECT speaker FROM claim_facts WHERE text = 'nearly 900,000'), 'United Nations',
          'speaker is the canonical name ("UN" -> United Nations)');

-- syndication
SELECT results_eq($$SELECT is_original, original_source, outlets, n_copies FROM claim_copies
                    WHERE article_id = 2 ORDER BY claim_no$$,
                  $$VALUES (false, 'AFP', 'AFP, Arab News', 2::bigint), (false, 'AFP', 'AFP, Arab News', 2::bigint)$$,
                  'the Arab News reprint of the AFP paragraph is a copy of AFP''s claims');
SELECT is((SELECT count(*) FROM distinct_claims), 8::bigint, 'distinct_claims drops the two copies');
SELECT is((SELECT count(*) FROM claim_copies WHERE is_original AND outlets = 'BBC'), 2::bigint,
          'claims carried by one outlet are their own originals');

SELECT set_eq($$SELECT article_id, claim_no, copy_group, is_original, outlets FROM claim_copies_in('displacement')$$,
              $$SELECT article_id, claim_no, copy_group, is_original, outlets FROM claim_copies
                WHERE category = 'displacement'$$,
              'claim_copies_in(category) groups exactly as the whole view');
SELECT set_eq($$SELECT article_id, claim_no, outlets FROM distinct_claims_in(NULL)$$,
              $$SELECT article_id, claim_no, outlets FROM distinct_claims$$,
              'distinct_claims_in(NULL) is distinct_claims');

-- the same sentence a month later is news again, not a copy
INSERT INTO articles (id, source_id, doc_id, published, content_sha256, extractor_version)
  VALUES (6, 4, 'bbc-0301', '2020-03-01', encode(sha256('6'::bytea), 'hex'), 'test');
INSERT INTO claims (article_id, claim_no, sentence, start_byte, end_byte, text, value, low, qualifier, kind,
                    entity, predicate, category, aggregation, time_start, time_end, time_text, speaker_id)
  VALUES (6, 0, 0, 1, 18, 'more than 388,000', 388000, 388000, 'lower_bound', 'count', 'civilians',
          'displace', 'displacement', 'cumulative', '2019-12-01', '2020-03-01', 'since December', 1);
SELECT is((SELECT is_original FROM claim_copies WHERE article_id = 6), true,
          'a repeat published weeks later is not a syndicated copy');
SELECT is((SELECT count(DISTINCT copy_group) FROM claim_copies), 9::bigint,
          'copy groups: the 8 originals and the late repeat');

SELECT results_eq($$SELECT claims, sources, latest_figure FROM figure_series
                    WHERE category = 'displacement' AND entity = 'people' AND kind = 'count'$$,
                  $$VALUES (3::bigint, 3::bigint, 900000::numeric)$$,
                  'figure_series: people displaced, three sources, latest 900,000');
SELECT is((SELECT count(*) FROM figure_series WHERE category = 'displacement' AND entity = 'civilians'),
          1::bigint, 'figure_series groups by entity');

SELECT * FROM finish();
ROLLBACK;
