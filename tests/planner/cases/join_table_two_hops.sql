SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_7"
      FROM (
        SELECT
          "_1"."first_name" AS "firstName",
          (
            SELECT coalesce(json_agg(row_to_json((
              SELECT "_6"
              FROM (
                SELECT (
                  SELECT row_to_json((
                    SELECT "_5"
                    FROM (
                      SELECT
                        "_4"."name" AS "name",
                        "_4"."amount" AS "amount"
                    ) AS "_5"
                  ))
                  FROM "hubspot"."deal" AS "_4"
                  WHERE ("_3"."deal_id" = "_4"."id")
                  LIMIT 1
                ) AS "deal"
              ) AS "_6"
            )) ORDER BY "_3"."deal_id" ASC NULLS LAST), '[]')
            FROM (
              SELECT "_2".*
              FROM "hubspot"."associations_contact_deal" AS "_2"
              WHERE ("_1"."id" = "_2"."contact_id")
              ORDER BY "_2"."deal_id" ASC NULLS LAST
            ) AS "_3"
          ) AS "deal_links"
      ) AS "_7"
    )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_0".*
      FROM "hubspot"."contact" AS "_0"
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
  ) AS "contact",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_15"
      FROM (
        SELECT
          "_9"."name" AS "name",
          (
            SELECT coalesce(json_agg(row_to_json((
              SELECT "_14"
              FROM (
                SELECT (
                  SELECT row_to_json((
                    SELECT "_13"
                    FROM (
                      SELECT "_12"."email" AS "email"
                    ) AS "_13"
                  ))
                  FROM "hubspot"."contact" AS "_12"
                  WHERE ("_11"."contact_id" = "_12"."id")
                  LIMIT 1
                ) AS "contact"
              ) AS "_14"
            )) ORDER BY "_11"."contact_id" ASC NULLS LAST), '[]')
            FROM (
              SELECT "_10".*
              FROM "hubspot"."associations_contact_deal" AS "_10"
              WHERE ("_9"."id" = "_10"."deal_id")
              ORDER BY "_10"."contact_id" ASC NULLS LAST
            ) AS "_11"
          ) AS "contact_links"
      ) AS "_15"
    )) ORDER BY "_9"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_8".*
      FROM "hubspot"."deal" AS "_8"
      ORDER BY "_8"."id" ASC NULLS LAST
    ) AS "_9"
  ) AS "deals"
-- params:
-- fields:
contact: column 0
deals: column 1
