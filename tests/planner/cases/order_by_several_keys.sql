SELECT ARRAY(
  SELECT row("_1"."id", "_1"."is_published", "_1"."views")
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."is_published" DESC NULLS FIRST, "_0"."views" DESC NULLS FIRST, "_0"."id" DESC NULLS FIRST
  ) AS "_1"
  ORDER BY "_1"."is_published" DESC NULLS FIRST, "_1"."views" DESC NULLS FIRST, "_1"."id" DESC NULLS FIRST
) AS "article"
-- params:
-- fields:
article: column 0
