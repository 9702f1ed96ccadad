-- Coverage per source and month: articles stored, claims found (all claims,
-- copies included), claims attributed to a speaker, claims that are
-- syndicated copies of another outlet's earlier claim, and the source's most
-- frequent claim category that month.
-- @param since date  earliest publication date (YYYY-MM-DD)
-- @param until date  latest publication date (YYYY-MM-DD)
WITH a AS (
  SELECT a.id, s.name AS source, a.published,
         to_char(a.published, 'YYYY-MM') AS month
  FROM articles a LEFT JOIN sources s ON s.id = a.source_id
  WHERE ($1::date IS NULL OR a.published >= $1::date)
    AND ($2::date IS NULL OR a.published <= $2::date)
), c AS (
  SELECT a.source, a.month, f.category, f.speaker,
         cc.original_source IS DISTINCT FROM a.source AS copied
  FROM a
  JOIN claim_facts f ON f.article_id = a.id
  JOIN claim_copies cc ON cc.article_id = f.article_id AND cc.claim_no = f.claim_no
), top AS (
  SELECT DISTINCT ON (source, month) source, month, category
  FROM (SELECT source, month, category, count(*) AS n FROM c
        GROUP BY source, month, category) x
  ORDER BY source, month, n DESC, category
)
SELECT a.source,
       a.month,
       count(DISTINCT a.id)                                        AS articles,
       (SELECT count(*) FROM c WHERE c.source IS NOT DISTINCT FROM a.source
                                 AND c.month = a.month)            AS claims,
       (SELECT count(*) FROM c WHERE c.source IS NOT DISTINCT FROM a.source
                                 AND c.month = a.month AND c.speaker IS NOT NULL) AS attributed,
       (SELECT count(*) FROM c WHERE c.source IS NOT DISTINCT FROM a.source
                                 AND c.month = a.month AND c.copied) AS syndicated,
       (SELECT t.category FROM top t WHERE t.source IS NOT DISTINCT FROM a.source
                                       AND t.month = a.month)      AS top_category
FROM a
GROUP BY a.source, a.month
ORDER BY a.month, a.source;
