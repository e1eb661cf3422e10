SELECT
  ARRAY(
    SELECT row("_2"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      WHERE ((
        SELECT count(*)
        FROM "public"."article" AS "_1"
        WHERE (("_0"."id" = "_1"."author_id") AND ("_1"."is_published" = ($1)::"pg_catalog"."bool"))
      ) >= ($2)::"pg_catalog"."int8")
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_2"
    ORDER BY "_2"."id" ASC NULLS LAST
  ) AS "prolific",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT "_3".*
      FROM "public"."author" AS "_3"
      WHERE ((
        SELECT count(DISTINCT "_4"."views")
        FROM "public"."article" AS "_4"
        WHERE ("_3"."id" = "_4"."author_id")
      ) = ($3)::"pg_catalog"."int8")
      ORDER BY "_3"."id" ASC NULLS LAST
    ) AS "_5"
    ORDER BY "_5"."id" ASC NULLS LAST
  ) AS "single"
-- params:
true
2
1
-- fields:
prolific: column 0
single: column 1
