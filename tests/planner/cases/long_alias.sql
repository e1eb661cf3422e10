SELECT ARRAY(
  SELECT row("_0"."title", "_0"."id")
  FROM "public"."article" AS "_0"
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
) AS "article"
-- params:
1
-- fields:
article: column 0
