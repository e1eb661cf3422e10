SELECT
  ARRAY(
    SELECT row("_0"."id")
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
  ) AS "article",
  ARRAY(
    SELECT row("_3"."id")
    FROM "hubspot"."contact" AS "_3"
    WHERE EXISTS (
      SELECT 1
      FROM "hubspot"."associations_contact_deal" AS "_4"
      WHERE (("_3"."id" = "_4"."contact_id") AND EXISTS (
        SELECT 1
        FROM "hubspot"."deal" AS "_5"
        WHERE (("_4"."deal_id" = "_5"."id") AND ("_5"."stage" = ($2)::"pg_catalog"."text"))
      ))
    )
  ) AS "contact"
-- params:
false
won
-- fields:
article: column 0
contact: column 1
