SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT
        "_1"."author_id" AS "author_id",
        "_1"."is_published" AS "is_published",
        "_1"."id" AS "id"
    ) AS "_2"
  )) ORDER BY "_1"."author_id" ASC NULLS LAST, "_1"."is_published" DESC NULLS FIRST, "_1"."id" ASC NULLS LAST), '[]')
  FROM (
    SELECT DISTINCT ON ("_0"."is_published", "_0"."author_id") "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."author_id" ASC NULLS LAST, "_0"."is_published" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "_1"
) AS "article"
-- params:
-- fields:
article: column 0
