SELECT (
  SELECT json_build_object('aggregate', json_build_object('count', count(*), 'star', count(*), 'priced', count("_1"."price"), 'authors', count(DISTINCT "_1"."author_id"), 'pairs', count(DISTINCT row("_1"."author_id", "_1"."is_published")), 'all_pairs', count(row("_1"."author_id", "_1"."price"))))
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
  ) AS "_1"
) AS "article_aggregate"
-- params:
-- fields:
article_aggregate: column 0
