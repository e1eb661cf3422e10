SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT "_1"."id" AS "id"
      ) AS "_2"
    ))), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      WHERE ("_0"."tags" = ($1)::"pg_catalog"."_text")
    ) AS "_1"
  ) AS "as_list",
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
      WHERE ("_3"."tags" = ($2)::"pg_catalog"."_text")
    ) AS "_4"
  ) AS "as_literal",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_8"
      FROM (
        SELECT "_7"."id" AS "id"
      ) AS "_8"
    ))), '[]')
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE ("_6"."tags" = ($3)::"pg_catalog"."_text")
    ) AS "_7"
  ) AS "empty",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_11"
      FROM (
        SELECT "_10"."id" AS "id"
      ) AS "_11"
    )) ORDER BY "_10"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_9".*
      FROM "public"."author" AS "_9"
      WHERE (("_9"."tags" = ($4)::"pg_catalog"."_text") OR ("_9"."tags" = ($5)::"pg_catalog"."_text"))
      ORDER BY "_9"."id" ASC NULLS LAST
    ) AS "_10"
  ) AS "any_of",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_14"
      FROM (
        SELECT "_13"."id" AS "id"
      ) AS "_14"
    )) ORDER BY "_13"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_12".*
      FROM "public"."author" AS "_12"
      WHERE ("_12"."tags" <> ($6)::"pg_catalog"."_text")
      ORDER BY "_12"."id" ASC NULLS LAST
    ) AS "_13"
  ) AS "none_of",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_17"
      FROM (
        SELECT "_16"."id" AS "id"
      ) AS "_17"
    ))), '[]')
    FROM (
      SELECT "_15".*
      FROM "public"."author" AS "_15"
      WHERE ("_15"."tags" IS NULL)
    ) AS "_16"
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
