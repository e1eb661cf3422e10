SELECT (
  SELECT json_build_object('__typename', 'article_aggregate', 'aggregate', json_build_object('__typename', 'article_aggregate_fields', 'count', count(*), 'sum', json_build_object('__typename', 'article_sum_fields', 'views', sum("_1"."views"))), 'nodes', coalesce(json_agg(row_to_json((
    SELECT "_4"
    FROM (
      SELECT
        'article' AS "__typename",
        "_1"."id" AS "id",
        "_1"."views" AS "views",
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
  )) ORDER BY "_1"."views" DESC NULLS FIRST, "_1"."id" ASC NULLS LAST), '[]'), 'again', coalesce(json_agg(row_to_json((
    SELECT "_5"
    FROM (
      SELECT "_1"."id" AS "id"
    ) AS "_5"
  )) ORDER BY "_1"."views" DESC NULLS FIRST, "_1"."id" ASC NULLS LAST), '[]'))
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    WHERE ("_0"."is_published" = ($1)::"pg_catalog"."bool")
    ORDER BY "_0"."views" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
    LIMIT 3
  ) AS "_1"
) AS "article_aggregate"
-- params:
true
-- fields:
article_aggregate: column 0
