SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."article" AS "_0"
    WHERE (("_0"."id" = ANY(($1)::"pg_catalog"."int4"[])) AND ("_0"."author_id" <> ALL(($2)::"pg_catalog"."int4"[])))
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "chosen",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."article" AS "_1"
    WHERE ("_1"."id" = ANY(($3)::"pg_catalog"."int4"[]))
  ) AS "none",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."author" AS "_2"
    WHERE ("_2"."name" <> ALL(($4)::"pg_catalog"."text"[]))
    ORDER BY "_2"."id" ASC NULLS LAST
  ) AS "all",
  ARRAY(
    SELECT row("_3"."name")
    FROM "public"."author" AS "_3"
    WHERE ("_3"."name" = ANY(($5)::"pg_catalog"."text"[]))
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
