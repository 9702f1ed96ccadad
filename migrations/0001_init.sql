-- 0001_init: the claimex schema (documented in docs/schema.md).
--
-- Applied once by `claimex db migrate` (or automatically by ingest/report)
-- inside one transaction and recorded in schema_migrations with its SHA-256.
-- NEVER edit this file once released: add 0002_*.sql instead; claimex refuses
-- to run against a database whose applied migrations differ from the files.
--
-- Scale-out: every claims row carries article_id and every claims key starts
-- with it, so Citus can distribute claims (and articles) by article_id, with
-- sources and speakers as reference tables (docs/scaling.md).

CREATE TABLE sources (
  id   serial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name <> '')
);

CREATE TABLE articles (
  id                bigserial PRIMARY KEY,
  source_id         int REFERENCES sources (id),
  doc_id            text,
  url               text,
  title             text,
  published         date,
  -- sha256 hex of (source name + '\n' + text): the same text from the same
  -- source is one article; the same wire text from two outlets is two
  -- articles (reports de-duplicate syndicated copies).
  content_sha256    text NOT NULL UNIQUE CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  -- CLAIMEX_VERSION + '+' + hash of the compiled lexicons: a different value
  -- on re-ingest means the claims were produced by other rules and are replaced.
  extractor_version text NOT NULL,
  text_bytes        int CHECK (text_bytes >= 0),
  ingested_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_source_published_idx ON articles (source_id, published);
CREATE INDEX articles_published_idx ON articles (published);

CREATE TABLE speakers (
  id        serial PRIMARY KEY,
  name      text NOT NULL,
  type      text NOT NULL CHECK (type IN ('person', 'organization', 'document', 'anonymous')),
  canonical text NOT NULL,
  UNIQUE (name, type)
);
CREATE INDEX speakers_canonical_idx ON speakers (canonical);

CREATE TABLE claims (
  article_id     bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  claim_no       int NOT NULL CHECK (claim_no >= 0),  -- 0-based, document order
  PRIMARY KEY (article_id, claim_no),
  sentence       int CHECK (sentence >= 0),
  start_byte     int CHECK (start_byte >= 0),
  end_byte       int,
  CHECK (start_byte < end_byte),
  text           text,
  value          numeric,
  low            numeric,
  high           numeric,
  CHECK (low IS NULL OR high IS NULL OR low <= high),
  qualifier      text NOT NULL CHECK (qualifier IN
                   ('exact', 'approximate', 'lower_bound', 'upper_bound', 'range', 'vague')),
  kind           text NOT NULL CHECK (kind IN ('count', 'percent', 'money', 'measure', 'duration')),
  unit           text,
  norm_value     numeric,
  norm_unit      text,
  entity         text,
  predicate      text,
  category       text NOT NULL CHECK (category IN
                   ('displacement', 'casualties', 'territory', 'population', 'humanitarian',
                    'economy', 'health', 'politics', 'other')),
  aggregation    text CHECK (aggregation IN ('cumulative', 'increment')),
  change         text CHECK (change IN ('up', 'down')),
  time_start     date,
  time_end       date,
  CHECK (time_start IS NULL OR time_end IS NULL OR time_start <= time_end),
  time_text      text,
  -- The date the figure holds for: time_end, else time_start, else the
  -- article's publication date. Denormalized at ingest so reports (time
  -- series, latest figure) and monthly partitions need no join.
  effective_date date,
  speaker_id     int REFERENCES speakers (id),
  speaker_role   text,
  speaker_cue    text,
  rules          text[]
);
CREATE INDEX claims_category_date_idx ON claims (category, effective_date);
CREATE INDEX claims_entity_idx ON claims (entity, effective_date);
CREATE INDEX claims_speaker_idx ON claims (speaker_id);
