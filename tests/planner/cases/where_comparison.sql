SELECT
  ARRAY(
    SELECT row("_0"."id", "_0"."views")
    FROM "public"."article" AS "_0"
    WHERE ((("_0"."id" > ($1)::"pg_catalog"."int4") AND ("_0"."id" <= ($2)::"pg_catalog"."int4")) AND (("_0"."views" >= ($3)::"pg_catalog"."int8") AND ("_0"."views" < ($4)::"pg_catalog"."int8")) AND ("_0"."author_id" <> ($5)::"pg_catalog"."int4"))
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "range",
  ARRAY(
    SELECT row("_1"."id", "_1"."price")
    FROM "public"."article" AS "_1"
    WHERE ("_1"."price" = ($6)::"pg_catalog"."numeric")
  ) AS "price",
  ARRAY(
    SELECT row("_2"."id", "_2"."rating")
    FROM "public"."author" AS "_2"
    WHERE (("_2"."rating" >= ($7)::"pg_catalog"."numeric") AND ("_2"."rating" < ($8)::"pg_catalog"."numeric"))
    ORDER BY "_2"."id" ASC NULLS LAST
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
