SELECT ARRAY(
  SELECT row("_0"."profile", "_0"."profile", ("_0"."profile" #> ($1)::text[]), ("_0"."profile" #> ($2)::text[]), ("_0"."profile" #> ($3)::text[]), ("_0"."profile" #> ($4)::text[]))
  FROM "public"."author" AS "_0"
  ORDER BY "_0"."id" ASC NULLS LAST
  LIMIT 2
) AS "author"
-- params:
{"city"}
{"langs","0"}
{"langs","1"}
{"nope","deeper"}
-- fields:
author: column 0
