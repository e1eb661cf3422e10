SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE ("_0"."body" IS NULL)
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "no_body",
  ARRAY(
    SELECT row("_3"."id")
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
      WHERE ("_2"."price" IS NOT NULL)
      ORDER BY "_2"."id" ASC NULLS LAST
    ) AS "_3"
    ORDER BY "_3"."id" ASC NULLS LAST
  ) AS "priced"
-- params:
-- fields:
no_body: column 0
priced: column 1
