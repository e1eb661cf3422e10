SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."author" AS "_0"
    WHERE ("_0"."tags" = ($1)::"pg_catalog"."_text")
  ) AS "as_list",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."author" AS "_1"
    WHERE ("_1"."tags" = ($2)::"pg_catalog"."_text")
  ) AS "as_literal",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."author" AS "_2"
    WHERE ("_2"."tags" = ($3)::"pg_catalog"."_text")
  ) AS "empty",
  ARRAY(
    SELECT row("_3"."id")
    FROM "public"."author" AS "_3"
    WHERE (("_3"."tags" = ($4)::"pg_catalog"."_text") OR ("_3"."tags" = ($5)::"pg_catalog"."_text"))
    ORDER BY "_3"."id" ASC NULLS LAST
  ) AS "any_of",
  ARRAY(
    SELECT row("_4"."id")
    FROM "public"."author" AS "_4"
    WHERE ("_4"."tags" <> ($6)::"pg_catalog"."_text")
    ORDER BY "_4"."id" ASC NULLS LAST
  ) AS "none_of",
  ARRAY(
    SELECT row("_5"."id")
    FROM "public"."author" AS "_5"
    WHERE ("_5"."tags" IS NULL)
  ) AS "no_tags"
-- params:
{"unix"}
{math,poetry}
{}
{"unix"}
{"math","poetry"}
{"unix"}
-- fields:
as_list: column 0
as_literal: column 1
empty: column 2
any_of: column 3
none_of: column 4
no_tags: column 5
