SELECT ARRAY(
  SELECT row("_0"."author_id", "_0"."article_count", "_0"."total_views", (
    SELECT row("_1"."name")
    FROM "public"."author" AS "_1"
    WHERE ("_0"."author_id" = "_1"."id")
    LIMIT 1
  ))
  FROM "public"."author_stats" AS "_0"
  WHERE ("_0"."article_count" > ($1)::"pg_catalog"."int8")
  ORDER BY "_0"."author_id" ASC NULLS LAST
) AS "author_stats"
-- params:
0
-- fields:
author_stats: column 0
