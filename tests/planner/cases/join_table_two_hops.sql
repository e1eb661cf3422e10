SELECT
  ARRAY(
    SELECT row("_1"."first_name", ARRAY(
      SELECT row((
        SELECT row("_4"."name", "_4"."amount")
        FROM "hubspot"."deal" AS "_4"
        WHERE ("_3"."deal_id" = "_4"."id")
        LIMIT 1
      ))
      FROM (
        SELECT "_2".*
        FROM "hubspot"."associations_contact_deal" AS "_2"
        WHERE ("_1"."id" = "_2"."contact_id")
        ORDER BY "_2"."deal_id" ASC NULLS LAST
      ) AS "_3"
      ORDER BY "_3"."deal_id" ASC NULLS LAST
    ))
    FROM (
      SELECT "_0".*
      FROM "hubspot"."contact" AS "_0"
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "contact",
  ARRAY(
    SELECT row("_6"."name", ARRAY(
      SELECT row((
        SELECT row("_9"."email")
        FROM "hubspot"."contact" AS "_9"
        WHERE ("_8"."contact_id" = "_9"."id")
        LIMIT 1
      ))
      FROM (
        SELECT "_7".*
        FROM "hubspot"."associations_contact_deal" AS "_7"
        WHERE ("_6"."id" = "_7"."deal_id")
        ORDER BY "_7"."contact_id" ASC NULLS LAST
      ) AS "_8"
      ORDER BY "_8"."contact_id" ASC NULLS LAST
    ))
    FROM (
      SELECT "_5".*
      FROM "hubspot"."deal" AS "_5"
      ORDER BY "_5"."id" ASC NULLS LAST
    ) AS "_6"
    ORDER BY "_6"."id" ASC NULLS LAST
  ) AS "deals"
-- params:
-- fields:
contact: column 0
deals: column 1
