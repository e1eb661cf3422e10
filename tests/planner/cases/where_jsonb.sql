SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."author" AS "_0"
    WHERE ("_0"."profile" @> ($1)::"pg_catalog"."jsonb")
  ) AS "contains",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."author" AS "_1"
    WHERE ("_1"."profile" <@ ($2)::"pg_catalog"."jsonb")
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "contained_in",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."author" AS "_2"
    WHERE ("_2"."profile" ? ($3)::text)
    ORDER BY "_2"."id" ASC NULLS LAST
  ) AS "has_key",
  ARRAY(
    SELECT row("_3"."id")
    FROM "public"."author" AS "_3"
    WHERE ("_3"."profile" ?| ($4)::text[])
    ORDER BY "_3"."id" ASC NULLS LAST
  ) AS "has_keys_any",
  ARRAY(
    SELECT row("_4"."id")
    FROM "public"."author" AS "_4"
    WHERE ("_4"."profile" ?& ($5)::text[])
  ) AS "has_keys_all",
  ARRAY(
    SELECT row("_5"."id")
    FROM "public"."article" AS "_5"
    WHERE ("_5"."metadata" = ($6)::"pg_catalog"."jsonb")
  ) AS "equal",
  ARRAY(
    SELECT row("_6"."id")
    FROM "public"."article" AS "_6"
    WHERE ("_6"."metadata" @> ($7)::"pg_catalog"."jsonb")
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
