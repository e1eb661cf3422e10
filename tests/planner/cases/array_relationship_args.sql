SELECT ARRAY(
  SELECT row("_1"."name", ARRAY(
    SELECT row("_3"."title", "_3"."views")
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
      WHERE (("_1"."id" = "_2"."author_id") AND ("_2"."is_published" = ($1)::"pg_catalog"."bool"))
      ORDER BY "_2"."views" DESC NULLS FIRST, "_2"."id" ASC NULLS LAST
      LIMIT 2
      OFFSET 0
    ) AS "_3"
    ORDER BY "_3"."views" DESC NULLS FIRST, "_3"."id" ASC NULLS LAST
  ))
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "_1"
  ORDER BY "_1"."id" ASC NULLS LAST
) AS "author"
-- params:
true
-- fields:
author: column 0
