SELECT ARRAY(
  SELECT DISTINCT ON ("_0"."is_published", "_0"."author_id") row("_0"."author_id", "_0"."is_published", "_0"."id")
  FROM "public"."article" AS "_0"
  ORDER BY "_0"."author_id" ASC NULLS LAST, "_0"."is_published" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
