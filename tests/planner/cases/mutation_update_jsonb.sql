-- statement 0 (errors at $):
WITH "_m" AS (
  UPDATE "public"."author" AS "_0"
  SET "followers" = ("_0"."followers" + ($2)::"pg_catalog"."int8"), "profile" = ("_0"."profile" || ($3)::"pg_catalog"."jsonb")
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
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
        "_r"."profile" AS "profile",
        "_r"."followers" AS "followers"
    ) AS "_1"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "appended"
-- params:
1
1
{"stars":5}
-- statement 1 (errors at $):
WITH "_m" AS (
  UPDATE "public"."author" AS "_0"
  SET "profile" = ("_0"."profile" - ($2)::text)
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT (
  SELECT row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."profile" AS "profile"
    ) AS "_1"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "keyless"
-- params:
2
city
-- statement 2 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "metadata" = ("_0"."metadata" #- ($2)::text[])
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT json_build_object('returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."metadata" AS "metadata"
    ) AS "_1"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "pathless"
-- params:
3
{"tags","0"}
-- statement 3 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "metadata" = (($2)::"pg_catalog"."jsonb" || "_0"."metadata")
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT json_build_object('returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."metadata" AS "metadata"
    ) AS "_1"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "prepended"
-- params:
4
{"pages":1,"x":true}
-- statement 4 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "metadata" = ($2)::"pg_catalog"."jsonb"
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT json_build_object('affected_rows', (
  SELECT count(*)
  FROM "_m"
)) AS "elementless"
-- params:
5
["a","b","c"]
-- statement 5 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "metadata" = ("_0"."metadata" - ($2)::integer)
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT (
  SELECT row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."metadata" AS "metadata"
    ) AS "_1"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "after"
-- params:
5
-1
-- fields:
appended: column 0
keyless: column 1
pathless: column 2
prepended: column 3
elementless: column 4
after: column 5
