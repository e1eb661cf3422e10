SELECT ARRAY(
  SELECT row("_2"."id")
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."views" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "_2"
  ORDER BY "_2"."views" DESC NULLS FIRST, "_2"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
