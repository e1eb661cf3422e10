SELECT ARRAY(
  SELECT row("_1"."id")
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
  ) AS "_1"
) AS "article"
-- params:
-- fields:
article: column 0
