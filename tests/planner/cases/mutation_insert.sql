-- statement 0 (errors at $.selectionSet.added.args.objects):
WITH "_m" AS (
  INSERT INTO "public"."article" AS "_0" ("id", "title", "body", "author_id", "views", "metadata")
  VALUES
    (($1)::"pg_catalog"."int4", ($2)::"pg_catalog"."text", DEFAULT, ($3)::"pg_catalog"."int4", ($4)::"pg_catalog"."int8", DEFAULT),
    (($5)::"pg_catalog"."int4", ($6)::"pg_catalog"."text", ($7)::"pg_catalog"."text", ($8)::"pg_catalog"."int4", DEFAULT, ($9)::"pg_catalog"."jsonb")
  RETURNING *
)
SELECT json_build_object('n', (
  SELECT count(*)
  FROM "_m"
), '__typename', 'article_mutation_response', 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_3"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."title" AS "title",
        "_r"."body" AS "body",
        "_r"."views" AS "views",
        "_r"."is_published" AS "is_published",
        "_r"."metadata" AS "metadata",
        (
          SELECT row_to_json((
            SELECT "_2"
            FROM (
              SELECT "_1"."name" AS "name"
            ) AS "_2"
          ))
          FROM "public"."author" AS "_1"
          WHERE ("_r"."author_id" = "_1"."id")
          LIMIT 1
        ) AS "author"
    ) AS "_3"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "added"
-- params:
100
First
1
5
101
Second
text
2
{"pages":2}
-- fields:
__typename: "mutation_root"
added: column 0
