SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT
        "_1"."id" AS "id",
        "_1"."is_published" AS "is_published",
        "_1"."views" AS "views"
    ) AS "_2"
  )) ORDER BY "_1"."is_published" DESC NULLS FIRST, "_1"."views" DESC NULLS FIRST, "_1"."id" DESC NULLS FIRST), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."is_published" DESC NULLS FIRST, "_0"."views" DESC NULLS FIRST, "_0"."id" DESC NULLS FIRST
  ) AS "_1"
) AS "article"
-- params:
-- fields:
article: column 0
