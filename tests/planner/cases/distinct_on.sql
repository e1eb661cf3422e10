SELECT ARRAY(
  SELECT row("_1"."author_id", "_1"."id", "_1"."views")
  FROM (
    SELECT DISTINCT ON ("_0"."author_id") "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."author_id" ASC NULLS LAST, "_0"."views" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "_1"
  ORDER BY "_1"."author_id" ASC NULLS LAST, "_1"."views" DESC NULLS FIRST, "_1"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
