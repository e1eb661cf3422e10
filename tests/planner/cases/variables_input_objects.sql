SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_3"
      FROM (
        SELECT "_2"."id" AS "id"
      ) AS "_3"
    )) ORDER BY "_2"."views" DESC NULLS FIRST, "_2"."id" ASC NULLS LAST), '[]')
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
  ) AS "article",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_6"
      FROM (
        SELECT "_5"."id" AS "id"
      ) AS "_6"
    )) ORDER BY "_5"."author_id" ASC NULLS LAST, "_5"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT DISTINCT ON ("_4"."author_id") "_4".*
      FROM "public"."article" AS "_4"
      ORDER BY "_4"."author_id" ASC NULLS LAST, "_4"."id" ASC NULLS LAST
    ) AS "_5"
  ) AS "first_per_author"
-- params:
a%
0
-- fields:
article: column 0
first_per_author: column 1
