SELECT
  ARRAY(
    SELECT row("_1"."id", ("_1"."rating")::text, ("_1"."followers")::text)
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "author",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count(*), 'sum', json_build_object('id', sum("_3"."id"), 'views', (sum("_3"."views"))::text, 'price', (sum("_3"."price"))::text), 'avg', json_build_object('id', avg("_3"."id"), 'views', (avg("_3"."views"))::text), 'max', json_build_object('views', (max("_3"."views"))::text), 'min', json_build_object('price', (min("_3"."price"))::text), 'stddev', json_build_object('views', (stddev("_3"."views"))::text)))
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
    ) AS "_3"
  ) AS "article_aggregate"
-- params:
-- fields:
author: column 0
article_aggregate: column 1
