SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_4"
    FROM (
      SELECT
        "_1"."author_id" AS "author_id",
        "_1"."article_count" AS "article_count",
        "_1"."total_views" AS "total_views",
        (
          SELECT row_to_json((
            SELECT "_3"
            FROM (
              SELECT "_2"."name" AS "name"
            ) AS "_3"
          ))
          FROM "public"."author" AS "_2"
          WHERE ("_1"."author_id" = "_2"."id")
          LIMIT 1
        ) AS "author"
    ) AS "_4"
  )) ORDER BY "_1"."author_id" ASC NULLS LAST), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."author_stats" AS "_0"
    WHERE ("_0"."article_count" > ($1)::"pg_catalog"."int8")
    ORDER BY "_0"."author_id" ASC NULLS LAST
  ) AS "_1"
) AS "author_stats"
-- params:
0
-- fields:
author_stats: column 0
