SELECT ARRAY(
  SELECT DISTINCT ON ("_0"."author_id") row("_0"."author_id")
  FROM "public"."article" AS "_0"
  ORDER BY "_0"."author_id" ASC
) AS "article"
-- params:
-- fields:
article: column 0
