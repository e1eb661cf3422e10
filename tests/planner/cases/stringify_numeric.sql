SELECT
  ARRAY(
    SELECT row("_0"."id", ("_0"."rating")::text, ("_0"."followers")::text)
    FROM "public"."author" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "author",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count(*), 'sum', json_build_object('id', sum("_2"."id"), 'views', (sum("_2"."views"))::text, 'price', (sum("_2"."price"))::text), 'avg', json_build_object('id', avg("_2"."id"), 'views', (avg("_2"."views"))::text), 'max', json_build_object('views', (max("_2"."views"))::text), 'min', json_build_object('price', (min("_2"."price"))::text), 'stddev', json_build_object('views', (stddev("_2"."views"))::text)))
    FROM (
      SELECT "_1".*
      FROM "public"."article" AS "_1"
    ) AS "_2"
  ) AS "article_aggregate"
-- params:
-- fields:
author: column 0
article_aggregate: column 1
