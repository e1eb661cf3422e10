SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."article" AS "_0"
    WHERE ("_0"."body" IS NULL)
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "no_body",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."article" AS "_1"
    WHERE ("_1"."price" IS NOT NULL)
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "priced"
-- params:
-- fields:
no_body: column 0
priced: column 1
