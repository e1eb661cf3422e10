SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."article" AS "_0"
    WHERE ((("_0"."author_id" = ($1)::"pg_catalog"."int4") OR ("_0"."is_published" = ($2)::"pg_catalog"."bool")) AND EXISTS (
      SELECT 1
      FROM "public"."author" AS "_1"
      WHERE (("_0"."author_id" = "_1"."id") AND (("_1"."id" = ($3)::"pg_catalog"."int4") OR EXISTS (
        SELECT 1
        FROM "public"."article" AS "_2"
        WHERE (("_1"."id" = "_2"."author_id") AND ("_2"."is_published" = ($4)::"pg_catalog"."bool"))
      )) AND ("_1"."name" = ANY(($5)::"pg_catalog"."text"[])))
    ))
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 3
  ) AS "article",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count(*)))
    FROM (
      SELECT "_3".*
      FROM "public"."article" AS "_3"
      WHERE (("_3"."author_id" = ($6)::"pg_catalog"."int4") OR ("_3"."is_published" = ($7)::"pg_catalog"."bool"))
    ) AS "_4"
  ) AS "article_aggregate"
-- params:
3
true
3
true
{"Chidi","Dana"}
3
true
-- fields:
article: column 0
article_aggregate: column 1
