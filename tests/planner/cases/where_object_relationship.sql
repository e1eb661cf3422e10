SELECT ARRAY(
  SELECT row("_0"."id", "_0"."title")
  FROM "public"."article" AS "_0"
  WHERE EXISTS (
    SELECT 1
    FROM "public"."author" AS "_1"
    WHERE (("_0"."author_id" = "_1"."id") AND ("_1"."name" = ($1)::"pg_catalog"."text"))
  )
  ORDER BY "_0"."id" ASC NULLS LAST
) AS "article"
-- params:
Brian
-- fields:
article: column 0
