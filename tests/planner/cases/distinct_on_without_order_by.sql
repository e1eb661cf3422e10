SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT "_1"."author_id" AS "author_id"
    ) AS "_2"
  )) ORDER BY "_1"."author_id" ASC), '[]')
  FROM (
    SELECT DISTINCT ON ("_0"."author_id") "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."author_id" ASC
  ) AS "_1"
) AS "article"
-- params:
-- fields:
article: column 0
