SELECT ARRAY(
  SELECT row("_0"."id", "_0"."is_published", "_0"."views")
  FROM "public"."article" AS "_0"
  ORDER BY "_0"."is_published" DESC NULLS FIRST, "_0"."views" DESC NULLS FIRST, "_0"."id" DESC NULLS FIRST
) AS "article"
-- params:
-- fields:
article: column 0
