-- statement 0 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "title" = ($3)::"pg_catalog"."text", "views" = ($4)::"pg_catalog"."int8"
  WHERE (("_0"."id" = ($1)::"pg_catalog"."int4") AND ("_0"."author_id" = ($2)::"pg_catalog"."int4"))
  RETURNING *
)
SELECT
  json_build_object('affected_rows', (
    SELECT count(*)
    FROM "_m"
  )) AS "update_article",
  (
    SELECT bool_and(("_r"."title" NOT LIKE ($5)::"pg_catalog"."text"))
    FROM "_m" AS "_r"
  ) AS "__check"
-- params:
5
3
Loud!
0
%!%
-- fields:
update_article: column 0
