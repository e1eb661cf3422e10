SELECT
  ARRAY(
    SELECT row("_3"."id")
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
    ORDER BY "_3"."id" ASC NULLS LAST
  ) AS "article",
  ARRAY(
    SELECT row("_7"."id")
    FROM (
      SELECT "_4".*
      FROM "hubspot"."contact" AS "_4"
      WHERE EXISTS (
        SELECT 1
        FROM "hubspot"."associations_contact_deal" AS "_5"
        WHERE (("_4"."id" = "_5"."contact_id") AND EXISTS (
          SELECT 1
          FROM "hubspot"."deal" AS "_6"
          WHERE (("_5"."deal_id" = "_6"."id") AND ("_6"."stage" = ($2)::"pg_catalog"."text"))
        ))
      )
    ) AS "_7"
  ) AS "contact"
-- params:
false
won
-- fields:
article: column 0
contact: column 1
