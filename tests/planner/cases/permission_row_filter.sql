SELECT ARRAY(
  SELECT row("_2"."id", "_2"."name", ARRAY(
    SELECT row("_4"."id", "_4"."is_published")
    FROM (
      SELECT "_3".*
      FROM "public"."article" AS "_3"
      WHERE (("_2"."id" = "_3"."author_id") AND (("_3"."author_id" = ($3)::"pg_catalog"."int4") OR ("_3"."is_published" = ($4)::"pg_catalog"."bool")))
      ORDER BY "_3"."id" ASC NULLS LAST
      LIMIT 3
    ) AS "_4"
    ORDER BY "_4"."id" ASC NULLS LAST
  ))
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    WHERE (("_0"."id" = ($1)::"pg_catalog"."int4") OR EXISTS (
      SELECT 1
      FROM "public"."article" AS "_1"
      WHERE (("_0"."id" = "_1"."author_id") AND ("_1"."is_published" = ($2)::"pg_catalog"."bool"))
    ))
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 2
  ) AS "_2"
  ORDER BY "_2"."id" ASC NULLS LAST
) AS "author"
-- params:
3
true
3
true
-- fields:
author: column 0
