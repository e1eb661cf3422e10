SELECT ARRAY(
  SELECT DISTINCT ON ("_0"."author_id") row("_0"."author_id", "_0"."id", "_0"."views")
  FROM "public"."article" AS "_0"
  ORDER BY "_0"."author_id" ASC NULLS LAST, "_0"."views" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
