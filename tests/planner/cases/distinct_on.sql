SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT
        "_1"."author_id" AS "author_id",
        "_1"."id" AS "id",
        "_1"."views" AS "views"
    ) AS "_2"
  )) ORDER BY "_1"."author_id" ASC NULLS LAST, "_1"."views" DESC NULLS FIRST, "_1"."id" ASC NULLS LAST), '[]')
  FROM (
    SELECT DISTINCT ON ("_0"."author_id") "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."author_id" ASC NULLS LAST, "_0"."views" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "_1"
) AS "article"
-- params:
-- fields:
article: column 0
