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
      ORDER BY "_0"."id" ASC NULLS LAST
      LIMIT 2
      OFFSET 1
    ) AS "_1"
  ) AS "page",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT "_4"."id" AS "id"
      ) AS "_5"
    ))), '[]')
    FROM (
      SELECT "_3".*
      FROM "public"."article" AS "_3"
      LIMIT 0
    ) AS "_4"
  ) AS "none",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_8"
      FROM (
        SELECT "_7"."id" AS "id"
      ) AS "_8"
    )) ORDER BY "_7"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_6".*
      FROM "public"."article" AS "_6"
      ORDER BY "_6"."id" ASC NULLS LAST
      OFFSET 4
    ) AS "_7"
  ) AS "unlimited"
-- params:
-- fields:
page: column 0
none: column 1
unlimited: column 2
