SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_4"
      FROM (
        SELECT "_3"."id" AS "id"
      ) AS "_4"
    )) ORDER BY "_3"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE EXISTS (
        SELECT 1
        FROM "public"."author" AS "_1"
        WHERE (("_0"."author_id" = "_1"."id") AND EXISTS (
          SELECT 1
          FROM "public"."article" AS "_2"
          WHERE (("_1"."id" = "_2"."author_id") AND ("_2"."is_published" = ($1)::"pg_catalog"."bool"))
        ))
      )
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_3"
  ) AS "article",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_9"
      FROM (
        SELECT "_8"."id" AS "id"
      ) AS "_9"
    ))), '[]')
    FROM (
      SELECT "_5".*
      FROM "hubspot"."contact" AS "_5"
      WHERE EXISTS (
        SELECT 1
        FROM "hubspot"."associations_contact_deal" AS "_6"
        WHERE (("_5"."id" = "_6"."contact_id") AND EXISTS (
          SELECT 1
          FROM "hubspot"."deal" AS "_7"
          WHERE (("_6"."deal_id" = "_7"."id") AND ("_7"."stage" = ($2)::"pg_catalog"."text"))
        ))
      )
    ) AS "_8"
  ) AS "contact"
-- params:
false
won
-- fields:
article: column 0
contact: column 1
