SELECT ARRAY(
  SELECT row("_1"."author_id")
  FROM (
    SELECT DISTINCT ON ("_0"."author_id") "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."author_id" ASC
  ) AS "_1"
  ORDER BY "_1"."author_id" ASC
) AS "article"
-- params:
-- fields:
article: column 0
