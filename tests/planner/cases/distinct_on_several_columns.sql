SELECT ARRAY(
  SELECT row("_1"."author_id", "_1"."is_published", "_1"."id")
  FROM (
    SELECT DISTINCT ON ("_0"."is_published", "_0"."author_id") "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."author_id" ASC NULLS LAST, "_0"."is_published" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "_1"
  ORDER BY "_1"."author_id" ASC NULLS LAST, "_1"."is_published" DESC NULLS FIRST, "_1"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
