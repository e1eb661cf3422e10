SELECT ARRAY(
  SELECT row("_1"."id", "_1"."lifecycle_stage")
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
