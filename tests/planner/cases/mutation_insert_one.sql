-- statement 0 (errors at $.selectionSet.insert_author_one.args.object):
WITH "_m" AS (
  INSERT INTO "public"."author" AS "_0" ("id", "name", "followers", "joined_at", "tags")
  VALUES
    (($1)::"pg_catalog"."int4", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."int8", ($4)::"pg_catalog"."timestamptz", ($5)::"pg_catalog"."_text")
  RETURNING *
)
SELECT (
  SELECT row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."name" AS "name",
        "_r"."tags" AS "tags",
        "_r"."followers" AS "followers",
        "_r"."is_active" AS "is_active"
    ) AS "_1"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "insert_author_one"
-- params:
10
Eve
7
2024-01-01T00:00:00Z
{"a","b"}
-- fields:
insert_author_one: column 0
