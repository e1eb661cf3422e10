SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."article" AS "_0"
    WHERE (EXISTS (
      SELECT 1
      FROM "public"."author" AS "_1"
      WHERE (("_0"."author_id" = "_1"."id") AND ("_1"."name" ILIKE ($1)::"pg_catalog"."text"))
    ) OR ("_0"."views" = ($2)::"pg_catalog"."int8"))
    ORDER BY "_0"."views" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "article",
  ARRAY(
    SELECT DISTINCT ON ("_2"."author_id") row("_2"."id")
    FROM "public"."article" AS "_2"
    ORDER BY "_2"."author_id" ASC NULLS LAST, "_2"."id" ASC NULLS LAST
  ) AS "first_per_author"
-- params:
a%
0
-- fields:
article: column 0
first_per_author: column 1
