SELECT
  ARRAY(
    SELECT row("_2"."name")
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
  ARRAY(
    SELECT row("_5"."name")
    FROM (
      SELECT "_3".*
      FROM "public"."author" AS "_3"
      WHERE EXISTS (
        SELECT 1
        FROM "public"."article" AS "_4"
        WHERE (("_3"."id" = "_4"."author_id") AND TRUE)
      )
      ORDER BY "_3"."id" ASC NULLS LAST
    ) AS "_5"
    ORDER BY "_5"."id" ASC NULLS LAST
  ) AS "writers",
  ARRAY(
    SELECT row("_8"."name")
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE (NOT EXISTS (
        SELECT 1
        FROM "public"."article" AS "_7"
        WHERE (("_6"."id" = "_7"."author_id") AND TRUE)
      ))
    ) AS "_8"
  ) AS "silent"
-- params:
1000
-- fields:
popular: column 0
writers: column 1
silent: column 2
