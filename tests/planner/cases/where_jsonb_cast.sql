SELECT ARRAY(
  SELECT row("_1"."id")
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    WHERE (("_0"."profile")::text ILIKE ($1)::"pg_catalog"."text")
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "_1"
  ORDER BY "_1"."id" ASC NULLS LAST
) AS "author"
-- params:
%london%
-- fields:
author: column 0
