SELECT ARRAY(
  SELECT row("_1"."title", "_1"."id")
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  ) AS "_1"
) AS "article"
-- params:
1
-- fields:
article: column 0
