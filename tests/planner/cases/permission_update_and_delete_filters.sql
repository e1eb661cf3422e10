-- statement 0 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "body" = ($2)::"pg_catalog"."text", "views" = ($3)::"pg_catalog"."int8"
  WHERE (TRUE AND ("_0"."author_id" = ($1)::"pg_catalog"."int4"))
  RETURNING *
)
SELECT
  json_build_object('affected_rows', (
    SELECT count(*)
    FROM "_m"
  ), 'returning', (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_1"
      FROM (
        SELECT
          "_r"."id" AS "id",
          "_r"."title" AS "title"
      ) AS "_1"
    ))), '[]')
    FROM "_m" AS "_r"
  )) AS "update_article",
  (
    SELECT bool_and(("_r"."title" NOT LIKE ($4)::"pg_catalog"."text"))
    FROM "_m" AS "_r"
  ) AS "__check"
-- params:
1
edited
0
%!%
-- statement 1 (errors at $):
WITH "_m" AS (
  DELETE FROM "public"."article" AS "_0"
  WHERE (TRUE AND (("_0"."author_id" = ($1)::"pg_catalog"."int4") AND ("_0"."is_published" = ($2)::"pg_catalog"."bool")))
  RETURNING *
)
SELECT json_build_object('affected_rows', (
  SELECT count(*)
  FROM "_m"
), 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_1"
    FROM (
      SELECT "_r"."id" AS "id"
    ) AS "_1"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "delete_article"
-- params:
1
false
-- fields:
update_article: column 0
delete_article: column 1
