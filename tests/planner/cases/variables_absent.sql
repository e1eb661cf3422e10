SELECT ARRAY(
  SELECT row("_0"."id")
  FROM "public"."article" AS "_0"
) AS "article"
-- params:
-- fields:
article: column 0
