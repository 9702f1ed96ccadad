-- Who is cited: one row per speaker (canonical name, so "UN" and "the United
-- Nations" are one), with how many claims and articles cite them, in how many
-- sources, for which categories (most cited first), and the first and last
-- day cited. Syndicated copies count once. Claims attributed to nobody (the
-- publisher's own) are left out.
-- @param category text  only claims of this category (SPEC's nine)
-- @param since date  earliest publication date (YYYY-MM-DD)
-- @param until date  latest publication date (YYYY-MM-DD)
-- @param source text  only claims carried by this outlet (case-insensitive)
WITH d AS (
  SELECT *
  FROM distinct_claims_in($1::text) d
  WHERE d.speaker IS NOT NULL
    AND ($2::date IS NULL OR d.published >= $2::date)
    AND ($3::date IS NULL OR d.published <= $3::date)
    AND ($4::text IS NULL OR strpos(lower(', ' || d.outlets || ','),
                                    ', ' || lower($4::text) || ',') > 0)
), per_category AS (
  SELECT speaker, category, count(*) AS n
  FROM d GROUP BY speaker, category
)
SELECT d.speaker,
       min(d.speaker_type)                       AS type,
       count(*)                                  AS claims,
       count(DISTINCT d.article_id)              AS articles,
       count(DISTINCT d.source)                  AS sources,
       (SELECT string_agg(pc.category || ' ' || pc.n, ', ' ORDER BY pc.n DESC, pc.category)
        FROM per_category pc WHERE pc.speaker = d.speaker) AS categories,
       min(d.published)                          AS first_cited,
       max(d.published)                          AS last_cited
FROM d
GROUP BY d.speaker
ORDER BY claims DESC, d.speaker;
