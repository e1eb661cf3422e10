SELECT
  ARRAY(
    SELECT row("_0"."first_name", ARRAY(
      SELECT row((
        SELECT row("_2"."name", "_2"."amount")
        FROM "hubspot"."deal" AS "_2"
        WHERE ("_1"."deal_id" = "_2"."id")
        LIMIT 1
      ))
      FROM "hubspot"."associations_contact_deal" AS "_1"
      WHERE ("_0"."id" = "_1"."contact_id")
      ORDER BY "_1"."deal_id" ASC NULLS LAST
    ))
    FROM "hubspot"."contact" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "contact",
  ARRAY(
    SELECT row("_3"."name", ARRAY(
      SELECT row((
        SELECT row("_5"."email")
        FROM "hubspot"."contact" AS "_5"
        WHERE ("_4"."contact_id" = "_5"."id")
        LIMIT 1
      ))
      FROM "hubspot"."associations_contact_deal" AS "_4"
      WHERE ("_3"."id" = "_4"."deal_id")
      ORDER BY "_4"."contact_id" ASC NULLS LAST
    ))
    FROM "hubspot"."deal" AS "_3"
    ORDER BY "_3"."id" ASC NULLS LAST
  ) AS "deals"
-- params:
-- fields:
contact: column 0
deals: column 1
