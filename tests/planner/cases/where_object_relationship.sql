SELECT ARRAY(
  SELECT row("_2"."id", "_2"."title")
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    WHERE EXISTS (
      SELECT 1
      FROM "public"."author" AS "_1"
      WHERE (("_0"."author_id" = "_1"."id") AND ("_1"."name" = ($1)::"pg_catalog"."text"))
    )
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "_2"
  ORDER BY "_2"."id" ASC NULLS LAST
) AS "article"
-- params:
Brian
-- fields:
article: column 0
