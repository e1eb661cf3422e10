SELECT ARRAY(
  SELECT row("_1"."author_id", "_1"."article_count", "_1"."total_views", (
    SELECT row("_2"."name")
    FROM "public"."author" AS "_2"
    WHERE ("_1"."author_id" = "_2"."id")
    LIMIT 1
  ))
  FROM (
    SELECT "_0".*
    FROM "public"."author_stats" AS "_0"
    WHERE ("_0"."article_count" > ($1)::"pg_catalog"."int8")
    ORDER BY "_0"."author_id" ASC NULLS LAST
  ) AS "_1"
  ORDER BY "_1"."author_id" ASC NULLS LAST
) AS "author_stats"
-- params:
0
-- fields:
author_stats: column 0
