-- statement 0 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "is_published" = ($2)::"pg_catalog"."bool", "body" = ($3)::"pg_catalog"."text", "views" = ("_0"."views" + ($4)::"pg_catalog"."int8")
  WHERE ("_0"."author_id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT json_build_object('affected_rows', (
  SELECT count(*)
  FROM "_m"
), 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."views" AS "views",
        "_r"."is_published" AS "is_published",
        "_r"."body" AS "body"
    ) AS "_1"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "update_article"
-- params:
2
false
NULL
10
-- fields:
update_article: column 0
