SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      WHERE ("_0"."tags" = ($1)::"pg_catalog"."_text")
    ) AS "_1"
  ) AS "as_list",
  ARRAY(
    SELECT row("_3"."id")
    FROM (
      SELECT "_2".*
      FROM "public"."author" AS "_2"
      WHERE ("_2"."tags" = ($2)::"pg_catalog"."_text")
    ) AS "_3"
  ) AS "as_literal",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT "_4".*
      FROM "public"."author" AS "_4"
      WHERE ("_4"."tags" = ($3)::"pg_catalog"."_text")
    ) AS "_5"
  ) AS "empty",
  ARRAY(
    SELECT row("_7"."id")
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE (("_6"."tags" = ($4)::"pg_catalog"."_text") OR ("_6"."tags" = ($5)::"pg_catalog"."_text"))
      ORDER BY "_6"."id" ASC NULLS LAST
    ) AS "_7"
    ORDER BY "_7"."id" ASC NULLS LAST
  ) AS "any_of",
  ARRAY(
    SELECT row("_9"."id")
    FROM (
      SELECT "_8".*
      FROM "public"."author" AS "_8"
      WHERE ("_8"."tags" <> ($6)::"pg_catalog"."_text")
      ORDER BY "_8"."id" ASC NULLS LAST
    ) AS "_9"
    ORDER BY "_9"."id" ASC NULLS LAST
  ) AS "none_of",
  ARRAY(
    SELECT row("_11"."id")
    FROM (
      SELECT "_10".*
      FROM "public"."author" AS "_10"
      WHERE ("_10"."tags" IS NULL)
    ) AS "_11"
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
