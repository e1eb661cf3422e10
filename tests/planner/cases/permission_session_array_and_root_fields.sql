SELECT ARRAY(
  SELECT row("_0"."id", "_0"."lifecycle_stage")
  FROM "hubspot"."contact" AS "_0"
  WHERE ("_0"."lifecycle_stage" = ANY(($1)::"pg_catalog"."text"[]))
) AS "contact"
-- params:
{customer,other}
-- fields:
contact: column 0
