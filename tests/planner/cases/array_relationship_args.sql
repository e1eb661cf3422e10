SELECT ARRAY(
  SELECT row("_0"."name", ARRAY(
    SELECT row("_1"."title", "_1"."views")
    FROM "public"."article" AS "_1"
    WHERE (("_0"."id" = "_1"."author_id") AND ("_1"."is_published" = ($1)::"pg_catalog"."bool"))
    ORDER BY "_1"."views" DESC NULLS FIRST, "_1"."id" ASC NULLS LAST
    LIMIT 2
    OFFSET 0
  ))
  FROM "public"."author" AS "_0"
  ORDER BY "_0"."id" ASC NULLS LAST
) AS "author"
-- params:
true
-- fields:
author: column 0
