-- pgTAP tests of sql/reports/ on the fixture of fixture/claims.sql. Each
-- report is PREPAREd under its own name by tests/cli/report_pgtap.sh (the
-- file's text as is), so these tests run the exact SQL claimex runs, with
-- parameters bound the same way ($1.. in @param order).
BEGIN;
SELECT plan(19);

-- timeseries(category, entity, since, until, source)
CREATE TEMP TABLE ts AS EXECUTE timeseries('displacement', NULL, NULL, NULL, NULL);
SELECT results_eq($$SELECT published, source, value, text, outlets FROM ts$$,
  $$VALUES
    ('2020-01-29'::date, 'AFP',     388000::numeric, 'more than 388,000', 'AFP, Arab News'),
    ('2020-01-29'::date, 'AFP',      20000::numeric, 'At least 20,000',   'AFP, Arab News'),
    ('2020-02-05'::date, 'Reuters', 520000::numeric, 'about 520,000',     'Reuters'),
    ('2020-02-05'::date, 'Reuters',   NULL::numeric, 'Tens of thousands', 'Reuters'),
    ('2020-02-10'::date, 'BBC',     586000::numeric, '586,000',           'BBC'),
    ('2020-02-17'::date, 'AFP',     900000::numeric, 'nearly 900,000',    'AFP')$$,
  'timeseries: every displacement claim once, in date order, copies merged with their outlets');
SELECT is((SELECT string_agg(column_name::text, ',' ORDER BY ordinal_position)
           FROM information_schema.columns WHERE table_name = 'ts'),
          'published,source,speaker,value,low,high,qualifier,time_start,time_end,aggregation,article,text,outlets',
  'timeseries: the documented columns');
SELECT is((SELECT count(*) FROM ts WHERE text = 'at least 300 civilians'), 0::bigint,
          'timeseries: other categories left out');
CREATE TEMP TABLE ts_an AS EXECUTE timeseries('displacement', NULL, NULL, NULL, 'arab news');
SELECT is((SELECT string_agg(text, '|' ORDER BY text) FROM ts_an), 'At least 20,000|more than 388,000',
          'timeseries source=: claims an outlet carried, even as a copy');
CREATE TEMP TABLE ts_win AS EXECUTE timeseries('displacement', 'peop', '2020-02-06', '2020-02-20', NULL);
SELECT is((SELECT string_agg(source, ',' ORDER BY published) FROM ts_win), 'BBC,AFP',
          'timeseries: entity substring and the since/until window');
CREATE TEMP TABLE ts_any AS EXECUTE timeseries('any', NULL, NULL, NULL, NULL);
SELECT is((SELECT count(*) FROM ts_any), 8::bigint, 'timeseries category=any: every distinct claim');
CREATE TEMP TABLE ts_inj AS EXECUTE timeseries($$displacement'; DROP TABLE claims; --$$, NULL, NULL, NULL, NULL);
SELECT is((SELECT count(*) FROM ts_inj), 0::bigint, 'a hostile parameter is just a value');
SELECT has_table('claims');

-- compare(category, entity, since, until, aggregation, days)
CREATE TEMP TABLE cmp AS EXECUTE compare('displacement', NULL, NULL, NULL, 'cumulative', 5);
SELECT results_eq($$SELECT source, value, qualifier, disagrees_with, spread FROM cmp$$,
  $$VALUES ('AFP', 900000::numeric, 'upper_bound', NULL, 380000::numeric),
           ('BBC', 586000::numeric, 'exact', 'Reuters', 380000::numeric),
           ('Reuters', 520000::numeric, 'approximate', 'BBC', 380000::numeric)$$,
  'compare: latest per source, spread, and the pair that cannot both be true');
SELECT is((SELECT count(*) FROM cmp WHERE source = 'Arab News'), 0::bigint,
          'compare: a syndicated copy does not count as another source');
CREATE TEMP TABLE cmp_win AS EXECUTE compare('displacement', NULL, '2020-02-08', NULL, 'cumulative', 5);
SELECT results_eq($$SELECT source, disagrees_with FROM cmp_win$$,
  $$VALUES ('AFP', NULL::text), ('BBC', NULL::text)$$,
  'compare: "nearly 900,000" and "586,000" can both be true');
CREATE TEMP TABLE cmp_days AS EXECUTE compare('displacement', NULL, NULL, NULL, 'cumulative', 4);
SELECT is((SELECT count(*) FROM cmp_days WHERE disagrees_with IS NOT NULL), 0::bigint,
          'compare: figures dated more than `days` apart are not held against each other');
CREATE TEMP TABLE cmp_inc AS EXECUTE compare('displacement', NULL, NULL, NULL, 'increment', 5);
SELECT results_eq($$SELECT source, value, outlets FROM cmp_inc$$,
  $$VALUES ('AFP', 20000::numeric, 'AFP, Arab News')$$, 'compare aggregation=increment');

-- latest(category, entity, until, aggregation)
CREATE TEMP TABLE lat AS EXECUTE latest('displacement', NULL, NULL, 'cumulative');
SELECT results_eq($$SELECT source, entity, value FROM lat$$,
  $$VALUES ('AFP', 'civilians', 388000::numeric), ('AFP', 'people', 900000::numeric),
           ('BBC', 'people', 586000::numeric), ('Reuters', 'families', NULL::numeric),
           ('Reuters', 'people', 520000::numeric)$$,
  'latest: the latest figure per source and entity');
CREATE TEMP TABLE lat_until AS EXECUTE latest('displacement', 'people', '2020-02-12', 'cumulative');
SELECT results_eq($$SELECT source, value FROM lat_until$$,
  $$VALUES ('BBC', 586000::numeric), ('Reuters', 520000::numeric)$$, 'latest: until= cuts later claims');

-- speakers(category, since, until, source)
CREATE TEMP TABLE spk AS EXECUTE speakers(NULL, NULL, NULL, NULL);
SELECT results_eq($$SELECT speaker, claims, articles, sources, categories FROM spk$$,
  $$VALUES ('United Nations', 3::bigint, 3::bigint, 2::bigint, 'displacement 3'),
           ('Mark Lowcock', 1::bigint, 1::bigint, 1::bigint, 'displacement 1'),
           ('OCHA', 1::bigint, 1::bigint, 1::bigint, 'displacement 1')$$,
  'speakers: canonical names merged, copies counted once');
CREATE TEMP TABLE spk_bbc AS EXECUTE speakers(NULL, NULL, NULL, 'BBC');
SELECT is((SELECT string_agg(speaker, ',') FROM spk_bbc), 'OCHA', 'speakers source=');

-- sources(since, until)
CREATE TEMP TABLE src AS EXECUTE sources(NULL, NULL);
SELECT results_eq($$SELECT source, month, articles, claims, syndicated FROM src$$,
  $$VALUES ('AFP', '2020-01', 1::bigint, 3::bigint, 0::bigint),
           ('Arab News', '2020-01', 1::bigint, 2::bigint, 2::bigint),
           ('AFP', '2020-02', 1::bigint, 1::bigint, 0::bigint),
           ('BBC', '2020-02', 1::bigint, 2::bigint, 0::bigint),
           ('Reuters', '2020-02', 1::bigint, 2::bigint, 0::bigint)$$,
  'sources: coverage per source and month, copies counted as syndicated');
CREATE TEMP TABLE src_feb AS EXECUTE sources('2020-02-01', NULL);
SELECT is((SELECT count(*) FROM src_feb), 3::bigint, 'sources since=');

SELECT * FROM finish();
ROLLBACK;
