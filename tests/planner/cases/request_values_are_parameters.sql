SELECT ARRAY(
  SELECT row("_0"."id")
  FROM "public"."author" AS "_0"
  WHERE (("_0"."name" = ($1)::"pg_catalog"."text") OR ("_0"."name" LIKE ($2)::"pg_catalog"."text") OR ("_0"."profile" ? ($3)::text))
) AS "author"
-- params:
x'); DROP TABLE author; --
%'; --
x'); DROP TABLE author; --
-- fields:
author: column 0
