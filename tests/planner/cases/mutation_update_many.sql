-- statement 0 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "views" = ("_0"."views" + ($2)::"pg_catalog"."int8")
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT set_config('graft.mutation_0', (json_build_object('affected_rows', (
  SELECT count(*)
  FROM "_m"
), 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."title" AS "title",
        "_r"."views" AS "views"
    ) AS "_1"
  ))), '[]')
  FROM "_m" AS "_r"
)))::text, TRUE) AS "update_article_many"
-- params:
1
1
-- statement 1 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "title" = ($2)::"pg_catalog"."text"
  WHERE ("_0"."views" > ($1)::"pg_catalog"."int8")
  RETURNING *
)
SELECT set_config('graft.mutation_0', ((current_setting('graft.mutation_0') || ',') || (json_build_object('affected_rows', (
  SELECT count(*)
  FROM "_m"
), 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."title" AS "title",
        "_r"."views" AS "views"
    ) AS "_2"
  ))), '[]')
  FROM "_m" AS "_r"
)))::text), TRUE) AS "update_article_many"
-- params:
1200
Popular
-- statement 2 (errors at $):
WITH "_m" AS (
  UPDATE "public"."article" AS "_0"
  SET "title" = ($2)::"pg_catalog"."text"
  WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  RETURNING *
)
SELECT (('[' || ((current_setting('graft.mutation_0') || ',') || (json_build_object('affected_rows', (
  SELECT count(*)
  FROM "_m"
), 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_3"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."title" AS "title",
        "_r"."views" AS "views"
    ) AS "_3"
  ))), '[]')
  FROM "_m" AS "_r"
)))::text)) || ']') AS "update_article_many"
-- params:
999
Nobody
-- fields:
update_article_many: column 2
none: []
