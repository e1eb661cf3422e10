SELECT ARRAY(
  SELECT row("_0"."id")
  FROM "public"."author" AS "_0"
  WHERE (("_0"."profile")::text ILIKE ($1)::"pg_catalog"."text")
  ORDER BY "_0"."id" ASC NULLS LAST
) AS "author"
-- params:
%london%
-- fields:
author: column 0
