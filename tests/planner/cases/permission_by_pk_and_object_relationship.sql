SELECT
  (
    SELECT row("_0"."title")
    FROM "public"."article" AS "_0"
    WHERE (("_0"."id" = ($1)::"pg_catalog"."int4") AND (("_0"."author_id" = ($2)::"pg_catalog"."int4") OR ("_0"."is_published" = ($3)::"pg_catalog"."bool")))
  ) AS "hidden",
  (
    SELECT row("_1"."title", (
      SELECT row("_2"."name")
      FROM "public"."author" AS "_2"
      WHERE (("_1"."author_id" = "_2"."id") AND (("_2"."id" = ($7)::"pg_catalog"."int4") OR EXISTS (
        SELECT 1
        FROM "public"."article" AS "_3"
        WHERE (("_2"."id" = "_3"."author_id") AND ("_3"."is_published" = ($8)::"pg_catalog"."bool"))
      )))
      LIMIT 1
    ))
    FROM "public"."article" AS "_1"
    WHERE (("_1"."id" = ($4)::"pg_catalog"."int4") AND (("_1"."author_id" = ($5)::"pg_catalog"."int4") OR ("_1"."is_published" = ($6)::"pg_catalog"."bool")))
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
