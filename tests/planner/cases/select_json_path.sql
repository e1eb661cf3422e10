SELECT ARRAY(
  SELECT row("_1"."profile", "_1"."profile", ("_1"."profile" #> ($1)::text[]), ("_1"."profile" #> ($2)::text[]), ("_1"."profile" #> ($3)::text[]), ("_1"."profile" #> ($4)::text[]))
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 2
  ) AS "_1"
  ORDER BY "_1"."id" ASC NULLS LAST
) AS "author"
-- params:
{"city"}
{"langs","0"}
{"langs","1"}
{"nope","deeper"}
-- fields:
author: column 0
