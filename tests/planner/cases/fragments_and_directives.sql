SELECT ARRAY(
  SELECT row("_0"."id", "_0"."title", (
    SELECT row("_1"."name")
    FROM "public"."author" AS "_1"
    WHERE ("_0"."author_id" = "_1"."id")
    LIMIT 1
  ))
  FROM "public"."article" AS "_0"
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
) AS "article"
-- params:
3
-- fields:
article: column 0
