SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_3"
      FROM (
        SELECT "_2"."name" AS "name"
      ) AS "_3"
    ))), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      WHERE EXISTS (
        SELECT 1
        FROM "public"."article" AS "_1"
        WHERE (("_0"."id" = "_1"."author_id") AND ("_1"."views" > ($1)::"pg_catalog"."int8"))
      )
    ) AS "_2"
  ) AS "popular",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_7"
      FROM (
        SELECT "_6"."name" AS "name"
      ) AS "_7"
    )) ORDER BY "_6"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_4".*
      FROM "public"."author" AS "_4"
      WHERE EXISTS (
        SELECT 1
        FROM "public"."article" AS "_5"
        WHERE (("_4"."id" = "_5"."author_id") AND TRUE)
      )
      ORDER BY "_4"."id" ASC NULLS LAST
    ) AS "_6"
  ) AS "writers",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_11"
      FROM (
        SELECT "_10"."name" AS "name"
      ) AS "_11"
    ))), '[]')
    FROM (
      SELECT "_8".*
      FROM "public"."author" AS "_8"
      WHERE (NOT EXISTS (
        SELECT 1
        FROM "public"."article" AS "_9"
        WHERE (("_8"."id" = "_9"."author_id") AND TRUE)
      ))
    ) AS "_10"
  ) AS "silent"
-- params:
1000
-- fields:
popular: column 0
writers: column 1
silent: column 2
