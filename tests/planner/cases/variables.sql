SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."article" AS "_0"
    WHERE (("_0"."id" = ANY(($1)::"pg_catalog"."int4"[])) AND ("_0"."views" >= ($2)::"pg_catalog"."int8"))
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 5
  ) AS "listed",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."author" AS "_1"
    WHERE ("_1"."name" = ($3)::"pg_catalog"."text")
  ) AS "named",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."article" AS "_2"
    WHERE ("_2"."id" = ANY(($4)::"pg_catalog"."int4"[]))
  ) AS "one",
  ARRAY(
    SELECT row("_3"."id")
    FROM "public"."article" AS "_3"
    WHERE ("_3"."id" = ANY(($5)::"pg_catalog"."int4"[]))
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
