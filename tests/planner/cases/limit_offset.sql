SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 2
    OFFSET 1
  ) AS "page",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."article" AS "_1"
    LIMIT 0
  ) AS "none",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."article" AS "_2"
    ORDER BY "_2"."id" ASC NULLS LAST
    OFFSET 4
  ) AS "unlimited"
-- params:
-- fields:
page: column 0
none: column 1
unlimited: column 2
