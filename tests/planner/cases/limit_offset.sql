SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      ORDER BY "_0"."id" ASC NULLS LAST
      LIMIT 2
      OFFSET 1
    ) AS "_1"
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "page",
  ARRAY(
    SELECT row("_3"."id")
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
      LIMIT 0
    ) AS "_3"
  ) AS "none",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT "_4".*
      FROM "public"."article" AS "_4"
      ORDER BY "_4"."id" ASC NULLS LAST
      OFFSET 4
    ) AS "_5"
    ORDER BY "_5"."id" ASC NULLS LAST
  ) AS "unlimited"
-- params:
-- fields:
page: column 0
none: column 1
unlimited: column 2
