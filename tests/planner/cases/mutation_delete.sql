-- statement 0 (errors at $):
WITH "_m" AS (
  DELETE FROM "public"."article" AS "_0"
  WHERE EXISTS (
    SELECT 1
    FROM "public"."author" AS "_1"
    WHERE (("_0"."author_id" = "_1"."id") AND ("_1"."name" = ($1)::"pg_catalog"."text"))
  )
  RETURNING *
)
SELECT json_build_object('affected_rows', (
  SELECT count(*)
  FROM "_m"
), 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."title" AS "title"
    ) AS "_2"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "delete_article"
-- params:
Brian
-- statement 1 (errors at $):
WITH "_m" AS (
  DELETE FROM "public"."article" AS "_0"
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT (
  SELECT row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."title" AS "title"
    ) AS "_1"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "delete_article_by_pk"
-- params:
6
-- fields:
delete_article: column 0
delete_article_by_pk: column 1
