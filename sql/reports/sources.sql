-- Coverage per source and month: articles stored, claims found (all claims,
-- copies included), claims attributed to a speaker, claims that are
-- syndicated copies of another outlet's earlier claim, and the source's most
-- frequent claim category that month.
-- @param since date  earliest publication date (YYYY-MM-DD)
-- @param until date  latest publication date (YYYY-MM-DD)
WITH a AS (
  SELECT a.id, s.name AS source, to_char(a.published, 'YYYY-MM') AS month
  FROM articles a LEFT JOIN sources s ON s.id = a.source_id
  WHERE ($1::date IS NULL OR a.published >= $1::date)
    AND ($2::date IS NULL OR a.published <= $2::date)
), c AS (
  SELECT c.article_id, c.category, c.speaker_id,
         cc.original_source IS DISTINCT FROM s.name AS copied
  FROM claims c
  JOIN articles ar ON ar.id = c.article_id
  LEFT JOIN sources s ON s.id = ar.source_id
  JOIN claim_copies cc ON cc.article_id = c.article_id AND cc.claim_no = c.claim_no
  WHERE ($1::date IS NULL OR ar.published >= $1::date)
    AND ($2::date IS NULL OR ar.published <= $2::date)
), per_article AS (
  SELECT article_id,
         count(*)                               AS claims,
         count(speaker_id)                      AS attributed,
         count(*) FILTER (WHERE copied)         AS syndicated
  FROM c GROUP BY article_id
), per_category AS (
  SELECT DISTINCT ON (a.source, a.month) a.source, a.month, c.category
  FROM c JOIN a ON a.id = c.article_id
  GROUP BY a.source, a.month, c.category
  ORDER BY a.source, a.month, count(*) DESC, c.category
)
SELECT a.source,
       a.month,
       count(*)                                 AS articles,
       COALESCE(sum(pa.claims), 0)::bigint      AS claims,
       COALESCE(sum(pa.attributed), 0)::bigint  AS attributed,
       COALESCE(sum(pa.syndicated), 0)::bigint  AS syndicated,
       min(pc.category)                         AS top_category
FROM a
LEFT JOIN per_article pa ON pa.article_id = a.id
LEFT JOIN per_category pc ON pc.source IS NOT DISTINCT FROM a.source AND pc.month = a.month
GROUP BY a.source, a.month
ORDER BY a.month, a.source;
