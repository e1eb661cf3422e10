SELECT
  (
    SELECT row((
      SELECT row("_1"."first_name")
      FROM "hubspot"."contact" AS "_1"
      WHERE ("_0"."contact_id" = "_1"."id")
      LIMIT 1
    ), (
      SELECT row("_2"."name")
      FROM "hubspot"."deal" AS "_2"
      WHERE ("_0"."deal_id" = "_2"."id")
      LIMIT 1
    ))
    FROM "hubspot"."associations_contact_deal" AS "_0"
    WHERE (("_0"."contact_id" = ($1)::"pg_catalog"."text") AND ("_0"."deal_id" = ($2)::"pg_catalog"."text"))
  ) AS "hubspot_associations_contact_deal_by_pk",
  (
    SELECT row("_3"."name", "_3"."amount")
    FROM "hubspot"."deal" AS "_3"
    WHERE ("_3"."id" = ($3)::"pg_catalog"."text")
  ) AS "deal"
-- params:
c1
d2
d3
-- fields:
hubspot_associations_contact_deal_by_pk: column 0
deal: column 1
