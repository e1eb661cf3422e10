-- statement 0 (errors at $.selectionSet.insert_article.args.objects):
WITH "_m" AS (
  INSERT INTO "public"."article" AS "_0" ("id", "title", "author_id")
  VALUES
    (($1)::"pg_catalog"."int4", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."int4")
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
          "_r"."title" AS "title",
          "_r"."author_id" AS "author_id",
          "_r"."is_published" AS "is_published"
      ) AS "_1"
    ))), '[]')
    FROM "_m" AS "_r"
  )) AS "insert_article",
  (
    SELECT bool_and(("_r"."is_published" = ($4)::"pg_catalog"."bool"))
    FROM "_m" AS "_r"
  ) AS "__check"
-- params:
10
Mine
3
false
-- fields:
insert_article: column 0
