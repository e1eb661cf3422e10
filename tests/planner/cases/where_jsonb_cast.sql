SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT "_1"."id" AS "id"
    ) AS "_2"
  )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    WHERE (("_0"."profile")::text ILIKE ($1)::"pg_catalog"."text")
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "_1"
) AS "author"
-- params:
%london%
-- fields:
author: column 0
