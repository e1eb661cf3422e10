SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT "_1"."id" AS "id"
    ) AS "_2"
  ))), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
  ) AS "_1"
) AS "article"
-- params:
-- fields:
article: column 0
