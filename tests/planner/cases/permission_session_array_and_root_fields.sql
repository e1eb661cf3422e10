SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT
        "_1"."id" AS "id",
        "_1"."lifecycle_stage" AS "stage"
    ) AS "_2"
  ))), '[]')
  FROM (
    SELECT "_0".*
    FROM "hubspot"."contact" AS "_0"
    WHERE ("_0"."lifecycle_stage" = ANY(($1)::"pg_catalog"."text"[]))
  ) AS "_1"
) AS "contact"
-- params:
{customer,other}
-- fields:
contact: column 0
