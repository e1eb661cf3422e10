SELECT
  ARRAY(
    SELECT row("_0"."id", to_json("_0"."published_at"))
    FROM "public"."article" AS "_0"
    WHERE ((("_0"."published_at" >= ($1)::"pg_catalog"."timestamptz") AND ("_0"."published_at" < ($2)::"pg_catalog"."timestamptz")) AND ("_0"."is_published" = ($3)::"pg_catalog"."bool"))
    ORDER BY "_0"."published_at" DESC NULLS FIRST
  ) AS "article",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."author" AS "_1"
    WHERE ("_1"."is_active" <> ($4)::"pg_catalog"."bool")
  ) AS "author"
-- params:
2021-01-01T00:00:00Z
2022-01-01T00:00:00+00:00
true
true
-- fields:
article: column 0
author: column 1
