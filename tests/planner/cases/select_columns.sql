SELECT ARRAY(
  SELECT row("_1"."id", "_1"."name", "_1"."rating", "_1"."followers", "_1"."profile", "_1"."is_active", to_json("_1"."joined_at"), to_json("_1"."tags"))
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
  ) AS "_1"
) AS "author"
-- params:
-- fields:
author: column 0
