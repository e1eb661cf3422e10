SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT "_1"."id" AS "id"
    ) AS "_2"
  ))), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    WHERE (("_0"."name" = ($1)::"pg_catalog"."text") OR ("_0"."name" LIKE ($2)::"pg_catalog"."text") OR ("_0"."profile" ? ($3)::text))
  ) AS "_1"
) AS "author"
-- params:
x'); DROP TABLE author; --
%'; --
x'); DROP TABLE author; --
-- fields:
author: column 0
