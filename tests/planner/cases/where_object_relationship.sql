SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_3"
    FROM (
      SELECT
        "_2"."id" AS "id",
        "_2"."title" AS "title"
    ) AS "_3"
  )) ORDER BY "_2"."id" ASC NULLS LAST), '[]')
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
) AS "article"
-- params:
Brian
-- fields:
article: column 0
