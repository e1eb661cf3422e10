SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_3"
    FROM (
      SELECT "_2"."id" AS "id"
    ) AS "_3"
  )) ORDER BY "_2"."views" DESC NULLS FIRST, "_2"."id" ASC NULLS LAST), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."views" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "_2"
) AS "article"
-- params:
-- fields:
article: column 0
