SELECT ARRAY(
  SELECT row("_0"."id", "_0"."name", "_0"."rating", "_0"."followers", "_0"."profile", "_0"."is_active", to_json("_0"."joined_at"), to_json("_0"."tags"))
  FROM "public"."author" AS "_0"
) AS "author"
-- params:
-- fields:
author: column 0
