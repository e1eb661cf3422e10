SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT
          "_1"."id" AS "id",
          "_1"."published_at" AS "published_at"
      ) AS "_2"
    )) ORDER BY "_1"."published_at" DESC NULLS FIRST), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE ((("_0"."published_at" >= ($1)::"pg_catalog"."timestamptz") AND ("_0"."published_at" < ($2)::"pg_catalog"."timestamptz")) AND ("_0"."is_published" = ($3)::"pg_catalog"."bool"))
      ORDER BY "_0"."published_at" DESC NULLS FIRST
    ) AS "_1"
  ) AS "article",
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
      WHERE ("_3"."is_active" <> ($4)::"pg_catalog"."bool")
    ) AS "_4"
  ) AS "author"
-- params:
2021-01-01T00:00:00Z
2022-01-01T00:00:00+00:00
true
true
-- fields:
article: column 0
author: column 1
