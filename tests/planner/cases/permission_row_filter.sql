SELECT ARRAY(
  SELECT row("_0"."id", "_0"."name", ARRAY(
    SELECT row("_2"."id", "_2"."is_published")
    FROM "public"."article" AS "_2"
    WHERE (("_0"."id" = "_2"."author_id") AND (("_2"."author_id" = ($3)::"pg_catalog"."int4") OR ("_2"."is_published" = ($4)::"pg_catalog"."bool")))
    ORDER BY "_2"."id" ASC NULLS LAST
    LIMIT 3
  ))
  FROM "public"."author" AS "_0"
  WHERE (("_0"."id" = ($1)::"pg_catalog"."int4") OR EXISTS (
    SELECT 1
    FROM "public"."article" AS "_1"
    WHERE (("_0"."id" = "_1"."author_id") AND ("_1"."is_published" = ($2)::"pg_catalog"."bool"))
  ))
  ORDER BY "_0"."id" ASC NULLS LAST
  LIMIT 2
) AS "author"
-- params:
3
true
3
true
-- fields:
author: column 0
