SELECT
  (
    SELECT row_to_json((
      SELECT "_5"
      FROM (
        SELECT
          (
            SELECT row_to_json((
              SELECT "_2"
              FROM (
                SELECT "_1"."first_name" AS "firstName"
              ) AS "_2"
            ))
            FROM "hubspot"."contact" AS "_1"
            WHERE ("_0"."contact_id" = "_1"."id")
            LIMIT 1
          ) AS "contact",
          (
            SELECT row_to_json((
              SELECT "_4"
              FROM (
                SELECT "_3"."name" AS "name"
              ) AS "_4"
            ))
            FROM "hubspot"."deal" AS "_3"
            WHERE ("_0"."deal_id" = "_3"."id")
            LIMIT 1
          ) AS "deal"
      ) AS "_5"
    ))
    FROM "hubspot"."associations_contact_deal" AS "_0"
    WHERE (("_0"."contact_id" = ($1)::"pg_catalog"."text") AND ("_0"."deal_id" = ($2)::"pg_catalog"."text"))
  ) AS "hubspot_associations_contact_deal_by_pk",
  (
    SELECT row_to_json((
      SELECT "_7"
      FROM (
        SELECT
          "_6"."name" AS "name",
          "_6"."amount" AS "amount"
      ) AS "_7"
    ))
    FROM "hubspot"."deal" AS "_6"
    WHERE ("_6"."id" = ($3)::"pg_catalog"."text")
  ) AS "deal"
-- params:
c1
d2
d3
-- fields:
hubspot_associations_contact_deal_by_pk: column 0
deal: column 1
