-- statement 0 (errors at $):
WITH "_m" AS (
  UPDATE "public"."author" AS "_0"
  SET "name" = ($2)::"pg_catalog"."text", "followers" = ("_0"."followers" + ($3)::"pg_catalog"."int8")
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT (
  SELECT row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."name" AS "name",
        "_r"."followers" AS "followers"
    ) AS "_1"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "update_author_by_pk"
-- params:
2
Brian K.
1
-- statement 1 (errors at $):
WITH "_m" AS (
  UPDATE "public"."author" AS "_0"
  SET "name" = ($2)::"pg_catalog"."text"
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT (
  SELECT row_to_json((
    SELECT "_1"
    FROM (
      SELECT "_r"."id" AS "id"
    ) AS "_1"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "missing"
-- params:
99
Nobody
-- statement 2 (errors at $):
WITH "_m" AS (
  SELECT "_0".*
  FROM "public"."author" AS "_0"
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
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
) AS "unchanged"
-- params:
3
-- fields:
update_author_by_pk: column 0
missing: column 1
unchanged: column 2
