SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT
        "_1"."profile" AS "profile",
        "_1"."profile" AS "whole",
        ("_1"."profile" #> ($1)::text[]) AS "city",
        ("_1"."profile" #> ($2)::text[]) AS "first_lang",
        ("_1"."profile" #> ($3)::text[]) AS "quoted",
        ("_1"."profile" #> ($4)::text[]) AS "missing"
    ) AS "_2"
  )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 2
  ) AS "_1"
) AS "author"
-- params:
{"city"}
{"langs","0"}
{"langs","1"}
{"nope","deeper"}
-- fields:
author: column 0
