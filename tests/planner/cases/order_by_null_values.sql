SELECT ARRAY(
  SELECT row("_0"."id")
  FROM "public"."article" AS "_0"
  ORDER BY "_0"."views" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
