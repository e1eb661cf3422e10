SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE (("_0"."id" = ANY(($1)::"pg_catalog"."int4"[])) AND ("_0"."views" >= ($2)::"pg_catalog"."int8"))
      ORDER BY "_0"."id" ASC NULLS LAST
      LIMIT 5
    ) AS "_1"
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "listed",
  ARRAY(
    SELECT row("_3"."id")
    FROM (
      SELECT "_2".*
      FROM "public"."author" AS "_2"
      WHERE ("_2"."name" = ($3)::"pg_catalog"."text")
    ) AS "_3"
  ) AS "named",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT "_4".*
      FROM "public"."article" AS "_4"
      WHERE ("_4"."id" = ANY(($4)::"pg_catalog"."int4"[]))
    ) AS "_5"
  ) AS "one",
  ARRAY(
    SELECT row("_7"."id")
    FROM (
      SELECT "_6".*
      FROM "public"."article" AS "_6"
      WHERE ("_6"."id" = ANY(($5)::"pg_catalog"."int4"[]))
    ) AS "_7"
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
