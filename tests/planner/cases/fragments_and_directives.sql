SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_4"
    FROM (
      SELECT
        "_1"."id" AS "id",
        "_1"."title" AS "title",
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
  ))), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  ) AS "_1"
) AS "article"
-- params:
3
-- fields:
article: column 0
