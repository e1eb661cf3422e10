SELECT
  (
    SELECT row_to_json((
      SELECT "_1"
      FROM (
        SELECT "_0"."title" AS "title"
      ) AS "_1"
    ))
    FROM "public"."article" AS "_0"
    WHERE (("_0"."id" = ($1)::"pg_catalog"."int4") AND (("_0"."author_id" = ($2)::"pg_catalog"."int4") OR ("_0"."is_published" = ($3)::"pg_catalog"."bool")))
  ) AS "hidden",
  (
    SELECT row_to_json((
      SELECT "_6"
      FROM (
        SELECT
          "_2"."title" AS "title",
          (
            SELECT row_to_json((
              SELECT "_4"
              FROM (
                SELECT "_3"."name" AS "name"
              ) AS "_4"
            ))
            FROM "public"."author" AS "_3"
            WHERE (("_2"."author_id" = "_3"."id") AND (("_3"."id" = ($7)::"pg_catalog"."int4") OR EXISTS (
              SELECT 1
              FROM "public"."article" AS "_5"
              WHERE (("_3"."id" = "_5"."author_id") AND ("_5"."is_published" = ($8)::"pg_catalog"."bool"))
            )))
            LIMIT 1
          ) AS "author"
      ) AS "_6"
    ))
    FROM "public"."article" AS "_2"
    WHERE (("_2"."id" = ($4)::"pg_catalog"."int4") AND (("_2"."author_id" = ($5)::"pg_catalog"."int4") OR ("_2"."is_published" = ($6)::"pg_catalog"."bool")))
  ) AS "own"
-- params:
2
3
true
5
3
true
3
true
-- fields:
hidden: column 0
own: column 1
