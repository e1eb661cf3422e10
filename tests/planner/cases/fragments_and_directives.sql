SELECT ARRAY(
  SELECT row("_1"."id", "_1"."title", (
    SELECT row("_2"."name")
    FROM "public"."author" AS "_2"
    WHERE ("_1"."author_id" = "_2"."id")
    LIMIT 1
  ))
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  ) AS "_1"
) AS "article"
-- params:
3
-- fields:
article: column 0
