SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT "_1"."id" AS "id"
      ) AS "_2"
    )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE ("_0"."body" IS NULL)
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
  ) AS "no_body",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT "_4"."id" AS "id"
      ) AS "_5"
    )) ORDER BY "_4"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_3".*
      FROM "public"."article" AS "_3"
      WHERE ("_3"."price" IS NOT NULL)
      ORDER BY "_3"."id" ASC NULLS LAST
    ) AS "_4"
  ) AS "priced"
-- params:
-- fields:
no_body: column 0
priced: column 1
