SELECT ARRAY(
  SELECT row("_0"."id", "_0"."name")
  FROM "hubspot"."deal" AS "_0"
  WHERE EXISTS (
    SELECT 1
    FROM "hubspot"."associations_contact_deal" AS "_1"
    WHERE (("_1"."deal_id" = "_0"."id") AND ("_1"."contact_id" = ($1)::"pg_catalog"."text"))
  )
  ORDER BY "_0"."id" ASC NULLS LAST
) AS "deals"
-- params:
c1
-- fields:
deals: column 0
