SELECT
  ARRAY(
    SELECT row("_0"."name")
    FROM "public"."author" AS "_0"
    WHERE EXISTS (
      SELECT 1
      FROM "public"."article" AS "_1"
      WHERE (("_0"."id" = "_1"."author_id") AND ("_1"."views" > ($1)::"pg_catalog"."int8"))
    )
  ) AS "popular",
  ARRAY(
    SELECT row("_2"."name")
    FROM "public"."author" AS "_2"
    WHERE EXISTS (
      SELECT 1
      FROM "public"."article" AS "_3"
      WHERE (("_2"."id" = "_3"."author_id") AND TRUE)
    )
    ORDER BY "_2"."id" ASC NULLS LAST
  ) AS "writers",
  ARRAY(
    SELECT row("_4"."name")
    FROM "public"."author" AS "_4"
    WHERE (NOT EXISTS (
      SELECT 1
      FROM "public"."article" AS "_5"
      WHERE (("_4"."id" = "_5"."author_id") AND TRUE)
    ))
  ) AS "silent"
-- params:
1000
-- fields:
popular: column 0
writers: column 1
silent: column 2
