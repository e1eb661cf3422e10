SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_5"
    FROM (
      SELECT
        'author' AS "__typename",
        "_1"."id" AS "key",
        "_1"."name" AS "name",
        "_1"."name" AS "alsoName",
        (
          SELECT coalesce(json_agg(row_to_json((
            SELECT "_4"
            FROM (
              SELECT
                'article' AS "__typename",
                "_3"."title" AS "title"
            ) AS "_4"
          )) ORDER BY "_3"."id" ASC NULLS LAST), '[]')
          FROM (
            SELECT "_2".*
            FROM "public"."article" AS "_2"
            WHERE ("_1"."id" = "_2"."author_id")
            ORDER BY "_2"."id" ASC NULLS LAST
          ) AS "_3"
        ) AS "posts"
    ) AS "_5"
  )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 2
  ) AS "_1"
) AS "writers"
-- params:
-- fields:
__typename: "query_root"
writers: column 0
