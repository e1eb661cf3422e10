SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE (("_0"."id" = ANY(($1)::"pg_catalog"."int4"[])) AND ("_0"."author_id" <> ALL(($2)::"pg_catalog"."int4"[])))
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "chosen",
  ARRAY(
    SELECT row("_3"."id")
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
      WHERE ("_2"."id" = ANY(($3)::"pg_catalog"."int4"[]))
    ) AS "_3"
  ) AS "none",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT "_4".*
      FROM "public"."author" AS "_4"
      WHERE ("_4"."name" <> ALL(($4)::"pg_catalog"."text"[]))
      ORDER BY "_4"."id" ASC NULLS LAST
    ) AS "_5"
    ORDER BY "_5"."id" ASC NULLS LAST
  ) AS "all",
  ARRAY(
    SELECT row("_7"."name")
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE ("_6"."name" = ANY(($5)::"pg_catalog"."text"[]))
    ) AS "_7"
  ) AS "names"
-- params:
{"1","3","5"}
{"3"}
{}
{}
{"Ada","O'Brien, \"the\" {x}","NULL"}
-- fields:
chosen: column 0
none: column 1
all: column 2
names: column 3
