SELECT
  ARRAY(
    SELECT row("_2"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE (EXISTS (
        SELECT 1
        FROM "public"."author" AS "_1"
        WHERE (("_0"."author_id" = "_1"."id") AND ("_1"."name" ILIKE ($1)::"pg_catalog"."text"))
      ) OR ("_0"."views" = ($2)::"pg_catalog"."int8"))
      ORDER BY "_0"."views" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
    ) AS "_2"
    ORDER BY "_2"."views" DESC NULLS FIRST, "_2"."id" ASC NULLS LAST
  ) AS "article",
  ARRAY(
    SELECT row("_4"."id")
    FROM (
      SELECT DISTINCT ON ("_3"."author_id") "_3".*
      FROM "public"."article" AS "_3"
      ORDER BY "_3"."author_id" ASC NULLS LAST, "_3"."id" ASC NULLS LAST
    ) AS "_4"
    ORDER BY "_4"."author_id" ASC NULLS LAST, "_4"."id" ASC NULLS LAST
  ) AS "first_per_author"
-- params:
a%
0
-- fields:
article: column 0
first_per_author: column 1
