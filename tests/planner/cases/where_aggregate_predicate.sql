SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."author" AS "_0"
    WHERE ((
      SELECT count(*)
      FROM "public"."article" AS "_1"
      WHERE (("_0"."id" = "_1"."author_id") AND ("_1"."is_published" = ($1)::"pg_catalog"."bool"))
    ) >= ($2)::"pg_catalog"."int8")
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "prolific",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."author" AS "_2"
    WHERE ((
      SELECT count(DISTINCT "_3"."views")
      FROM "public"."article" AS "_3"
      WHERE ("_2"."id" = "_3"."author_id")
    ) = ($3)::"pg_catalog"."int8")
    ORDER BY "_2"."id" ASC NULLS LAST
  ) AS "single"
-- params:
true
2
1
-- fields:
prolific: column 0
single: column 1
