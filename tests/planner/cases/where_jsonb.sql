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
      WHERE ("_0"."profile" @> ($1)::"pg_catalog"."jsonb")
    ) AS "_1"
  ) AS "contains",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT "_4"."id" AS "id"
      ) AS "_5"
    )) ORDER BY "_4"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_3".*
      FROM "public"."author" AS "_3"
      WHERE ("_3"."profile" <@ ($2)::"pg_catalog"."jsonb")
      ORDER BY "_3"."id" ASC NULLS LAST
    ) AS "_4"
  ) AS "contained_in",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_8"
      FROM (
        SELECT "_7"."id" AS "id"
      ) AS "_8"
    )) ORDER BY "_7"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE ("_6"."profile" ? ($3)::text)
      ORDER BY "_6"."id" ASC NULLS LAST
    ) AS "_7"
  ) AS "has_key",
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
      WHERE ("_9"."profile" ?| ($4)::text[])
      ORDER BY "_9"."id" ASC NULLS LAST
    ) AS "_10"
  ) AS "has_keys_any",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_14"
      FROM (
        SELECT "_13"."id" AS "id"
      ) AS "_14"
    ))), '[]')
    FROM (
      SELECT "_12".*
      FROM "public"."author" AS "_12"
      WHERE ("_12"."profile" ?& ($5)::text[])
    ) AS "_13"
  ) AS "has_keys_all",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_17"
      FROM (
        SELECT "_16"."id" AS "id"
      ) AS "_17"
    ))), '[]')
    FROM (
      SELECT "_15".*
      FROM "public"."article" AS "_15"
      WHERE ("_15"."metadata" = ($6)::"pg_catalog"."jsonb")
    ) AS "_16"
  ) AS "equal",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_20"
      FROM (
        SELECT "_19"."id" AS "id"
      ) AS "_20"
    ))), '[]')
    FROM (
      SELECT "_18".*
      FROM "public"."article" AS "_18"
      WHERE ("_18"."metadata" @> ($7)::"pg_catalog"."jsonb")
    ) AS "_19"
  ) AS "nested"
-- params:
{"city":"London"}
{"city":"Toronto","langs":["de"],"extra":1}
langs
{"city","nope"}
{"city","langs"}
{}
{"tags":["unix"]}
-- fields:
contains: column 0
contained_in: column 1
has_key: column 2
has_keys_any: column 3
has_keys_all: column 4
equal: column 5
nested: column 6
