SELECT
  ARRAY(
    SELECT row("_1"."id", "_1"."views")
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE ((("_0"."id" > ($1)::"pg_catalog"."int4") AND ("_0"."id" <= ($2)::"pg_catalog"."int4")) AND (("_0"."views" >= ($3)::"pg_catalog"."int8") AND ("_0"."views" < ($4)::"pg_catalog"."int8")) AND ("_0"."author_id" <> ($5)::"pg_catalog"."int4"))
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "range",
  ARRAY(
    SELECT row("_3"."id", "_3"."price")
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
      WHERE ("_2"."price" = ($6)::"pg_catalog"."numeric")
    ) AS "_3"
  ) AS "price",
  ARRAY(
    SELECT row("_5"."id", "_5"."rating")
    FROM (
      SELECT "_4".*
      FROM "public"."author" AS "_4"
      WHERE (("_4"."rating" >= ($7)::"pg_catalog"."numeric") AND ("_4"."rating" < ($8)::"pg_catalog"."numeric"))
      ORDER BY "_4"."id" ASC NULLS LAST
    ) AS "_5"
    ORDER BY "_5"."id" ASC NULLS LAST
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
