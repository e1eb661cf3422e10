SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT
          "_1"."id" AS "id",
          "_1"."views" AS "views"
      ) AS "_2"
    )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE ((("_0"."id" > ($1)::"pg_catalog"."int4") AND ("_0"."id" <= ($2)::"pg_catalog"."int4")) AND (("_0"."views" >= ($3)::"pg_catalog"."int8") AND ("_0"."views" < ($4)::"pg_catalog"."int8")) AND ("_0"."author_id" <> ($5)::"pg_catalog"."int4"))
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
  ) AS "range",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT
          "_4"."id" AS "id",
          "_4"."price" AS "price"
      ) AS "_5"
    ))), '[]')
    FROM (
      SELECT "_3".*
      FROM "public"."article" AS "_3"
      WHERE ("_3"."price" = ($6)::"pg_catalog"."numeric")
    ) AS "_4"
  ) AS "price",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_8"
      FROM (
        SELECT
          "_7"."id" AS "id",
          "_7"."rating" AS "rating"
      ) AS "_8"
    )) ORDER BY "_7"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE (("_6"."rating" >= ($7)::"pg_catalog"."numeric") AND ("_6"."rating" < ($8)::"pg_catalog"."numeric"))
      ORDER BY "_6"."id" ASC NULLS LAST
    ) AS "_7"
  ) AS "rating"
-- params:
1
5
15
1000
3
4.5
4
4.75E0
-- fields:
range: column 0
price: column 1
rating: column 2
