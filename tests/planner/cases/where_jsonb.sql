SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      WHERE ("_0"."profile" @> ($1)::"pg_catalog"."jsonb")
    ) AS "_1"
  ) AS "contains",
  ARRAY(
    SELECT row("_3"."id")
    FROM (
      SELECT "_2".*
      FROM "public"."author" AS "_2"
      WHERE ("_2"."profile" <@ ($2)::"pg_catalog"."jsonb")
      ORDER BY "_2"."id" ASC NULLS LAST
    ) AS "_3"
    ORDER BY "_3"."id" ASC NULLS LAST
  ) AS "contained_in",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT "_4".*
      FROM "public"."author" AS "_4"
      WHERE ("_4"."profile" ? ($3)::text)
      ORDER BY "_4"."id" ASC NULLS LAST
    ) AS "_5"
    ORDER BY "_5"."id" ASC NULLS LAST
  ) AS "has_key",
  ARRAY(
    SELECT row("_7"."id")
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE ("_6"."profile" ?| ($4)::text[])
      ORDER BY "_6"."id" ASC NULLS LAST
    ) AS "_7"
    ORDER BY "_7"."id" ASC NULLS LAST
  ) AS "has_keys_any",
  ARRAY(
    SELECT row("_9"."id")
    FROM (
      SELECT "_8".*
      FROM "public"."author" AS "_8"
      WHERE ("_8"."profile" ?& ($5)::text[])
    ) AS "_9"
  ) AS "has_keys_all",
  ARRAY(
    SELECT row("_11"."id")
    FROM (
      SELECT "_10".*
      FROM "public"."article" AS "_10"
      WHERE ("_10"."metadata" = ($6)::"pg_catalog"."jsonb")
    ) AS "_11"
  ) AS "equal",
  ARRAY(
    SELECT row("_13"."id")
    FROM (
      SELECT "_12".*
      FROM "public"."article" AS "_12"
      WHERE ("_12"."metadata" @> ($7)::"pg_catalog"."jsonb")
    ) AS "_13"
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
