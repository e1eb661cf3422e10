SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_3"
      FROM (
        SELECT "_2"."id" AS "id"
      ) AS "_3"
    )) ORDER BY "_2"."id" ASC NULLS LAST), '[]')
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
  ) AS "prolific",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_7"
      FROM (
        SELECT "_6"."id" AS "id"
      ) AS "_7"
    )) ORDER BY "_6"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_4".*
      FROM "public"."author" AS "_4"
      WHERE ((
        SELECT count(DISTINCT "_5"."views")
        FROM "public"."article" AS "_5"
        WHERE ("_4"."id" = "_5"."author_id")
      ) = ($3)::"pg_catalog"."int8")
      ORDER BY "_4"."id" ASC NULLS LAST
    ) AS "_6"
  ) AS "single"
-- params:
true
2
1
-- fields:
prolific: column 0
single: column 1
