SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT "_1"."id" AS "id"
      ) AS "_2"
    )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE (("_0"."id" = ANY(($1)::"pg_catalog"."int4"[])) AND ("_0"."views" >= ($2)::"pg_catalog"."int8"))
      ORDER BY "_0"."id" ASC NULLS LAST
      LIMIT 5
    ) AS "_1"
  ) AS "listed",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT "_4"."id" AS "id"
      ) AS "_5"
    ))), '[]')
    FROM (
      SELECT "_3".*
      FROM "public"."author" AS "_3"
      WHERE ("_3"."name" = ($3)::"pg_catalog"."text")
    ) AS "_4"
  ) AS "named",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_8"
      FROM (
        SELECT "_7"."id" AS "id"
      ) AS "_8"
    ))), '[]')
    FROM (
      SELECT "_6".*
      FROM "public"."article" AS "_6"
      WHERE ("_6"."id" = ANY(($4)::"pg_catalog"."int4"[]))
    ) AS "_7"
  ) AS "one",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_11"
      FROM (
        SELECT "_10"."id" AS "id"
      ) AS "_11"
    ))), '[]')
    FROM (
      SELECT "_9".*
      FROM "public"."article" AS "_9"
      WHERE ("_9"."id" = ANY(($5)::"pg_catalog"."int4"[]))
    ) AS "_10"
  ) AS "literal"
-- params:
{"1","3"}
10
Ada
{"2"}
{"4"}
-- fields:
listed: column 0
named: column 1
one: column 2
literal: column 3
