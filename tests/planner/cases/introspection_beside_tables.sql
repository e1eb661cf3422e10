SELECT ARRAY(
  SELECT row("_0"."lifecycle_stage")
  FROM "hubspot"."contact" AS "_0"
  WHERE ("_0"."id" = ($1)::"pg_catalog"."text")
) AS "contact"
-- params:
c2
-- fields:
__type: {"name":"contact","fields":[{"name":"id"},{"name":"email"},{"name":"firstName"},{"name":"stage"},{"name":"created_at"},{"name":"deal_links"},{"name":"deal_links_aggregate"}]}
contact: column 0
