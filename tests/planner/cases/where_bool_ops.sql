SELECT ARRAY(
  SELECT row("_0"."id")
  FROM "public"."article" AS "_0"
  WHERE (((("_0"."is_published" = ($1)::"pg_catalog"."bool") AND ("_0"."views" > ($2)::"pg_catalog"."int8")) OR ((NOT ("_0"."price" IS NULL)) AND ("_0"."author_id" = ($3)::"pg_catalog"."int4"))) AND (NOT ("_0"."title" LIKE ($4)::"pg_catalog"."text")))
  ORDER BY "_0"."id" ASC NULLS LAST
) AS "article"
-- params:
true
500
3
AWK%
-- fields:
article: column 0
