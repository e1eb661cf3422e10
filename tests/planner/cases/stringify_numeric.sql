SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT
          "_1"."id" AS "id",
          ("_1"."rating")::text AS "rating",
          ("_1"."followers")::text AS "followers"
      ) AS "_2"
    )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
  ) AS "author",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count(*), 'sum', json_build_object('id', sum("_4"."id"), 'views', (sum("_4"."views"))::text, 'price', (sum("_4"."price"))::text), 'avg', json_build_object('id', avg("_4"."id"), 'views', (avg("_4"."views"))::text), 'max', json_build_object('views', (max("_4"."views"))::text), 'min', json_build_object('price', (min("_4"."price"))::text), 'stddev', json_build_object('views', (stddev("_4"."views"))::text)))
    FROM (
      SELECT "_3".*
      FROM "public"."article" AS "_3"
    ) AS "_4"
  ) AS "article_aggregate"
-- params:
-- fields:
author: column 0
article_aggregate: column 1
