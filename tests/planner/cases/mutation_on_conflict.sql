-- statement 0 (errors at $.selectionSet.insert_article.args.objects):
WITH "_m" AS (
  INSERT INTO "public"."article" AS "_0" ("id", "title", "author_id")
  VALUES
    (($1)::"pg_catalog"."int4", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."int4"),
    (($4)::"pg_catalog"."int4", ($5)::"pg_catalog"."text", ($6)::"pg_catalog"."int4")
  ON CONFLICT ON CONSTRAINT "article_pkey" DO UPDATE
  SET "title" = EXCLUDED."title"
  WHERE ("_0"."is_published" = ($7)::"pg_catalog"."bool")
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
        "_r"."title" AS "title"
    ) AS "_1"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "insert_article"
-- params:
2
Poetical Science, revised
1
5
Ethics 102
3
false
-- statement 1 (errors at $.selectionSet.insert_author_one.args.object):
WITH "_m" AS (
  INSERT INTO "public"."author" AS "_0" ("id", "name", "joined_at")
  VALUES
    (($1)::"pg_catalog"."int4", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."timestamptz")
  ON CONFLICT ON CONSTRAINT "author_pkey" DO NOTHING
  RETURNING *
)
SELECT (
  SELECT row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."name" AS "name"
    ) AS "_1"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "insert_author_one"
-- params:
1
Ada again
2020-01-01T00:00:00Z
-- fields:
insert_article: column 0
insert_author_one: column 1
