SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_8"
    FROM (
      SELECT
        "_1"."title" AS "title",
        (
          SELECT row_to_json((
            SELECT "_7"
            FROM (
              SELECT
                "_2"."name" AS "name",
                (
                  SELECT row_to_json((
                    SELECT "_6"
                    FROM (
                      SELECT
                        "_3"."article_count" AS "article_count",
                        "_3"."total_views" AS "total_views",
                        (
                          SELECT row_to_json((
                            SELECT "_5"
                            FROM (
                              SELECT "_4"."id" AS "id"
                            ) AS "_5"
                          ))
                          FROM "public"."author" AS "_4"
                          WHERE ("_3"."author_id" = "_4"."id")
                          LIMIT 1
                        ) AS "author"
                    ) AS "_6"
                  ))
                  FROM "public"."author_stats" AS "_3"
                  WHERE ("_2"."id" = "_3"."author_id")
                  LIMIT 1
                ) AS "stats"
            ) AS "_7"
          ))
          FROM "public"."author" AS "_2"
          WHERE ("_1"."author_id" = "_2"."id")
          LIMIT 1
        ) AS "author"
    ) AS "_8"
  )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 3
  ) AS "_1"
) AS "article"
-- params:
-- fields:
article: column 0
