SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_5"
    FROM (
      SELECT
        "_2"."id" AS "id",
        (
          SELECT row_to_json((
            SELECT "_4"
            FROM (
              SELECT "_3"."name" AS "name"
            ) AS "_4"
          ))
          FROM "public"."author" AS "_3"
          WHERE ("_2"."author_id" = "_3"."id")
          LIMIT 1
        ) AS "author"
    ) AS "_5"
  )) ORDER BY "_2"."__order_0" DESC NULLS FIRST, "_2"."id" ASC NULLS LAST), '[]')
  FROM (
    SELECT
      "_0".*,
      (
        SELECT "_1"."name"
        FROM "public"."author" AS "_1"
        WHERE ("_0"."author_id" = "_1"."id")
        LIMIT 1
      ) AS "__order_0"
    FROM "public"."article" AS "_0"
    ORDER BY "__order_0" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "_2"
) AS "article"
-- params:
-- fields:
article: column 0
