SELECT (
  SELECT json_build_object('aggregate', json_build_object('sum', json_build_object('views', sum("_1"."views"), 'price', sum("_1"."price"), 'id', sum("_1"."id")), 'avg', json_build_object('views', avg("_1"."views"), 'price', avg("_1"."price")), 'max', json_build_object('title', max("_1"."title"), 'published_at', max("_1"."published_at"), 'views', max("_1"."views")), 'min', json_build_object('title', min("_1"."title"), 'price', min("_1"."price")), 'stddev', json_build_object('views', stddev("_1"."views")), 'stddev_pop', json_build_object('views', stddev_pop("_1"."views")), 'stddev_samp', json_build_object('views', stddev_samp("_1"."views")), 'var_pop', json_build_object('views', var_pop("_1"."views")), 'var_samp', json_build_object('views', var_samp("_1"."views")), 'variance', json_build_object('views', variance("_1"."views"))))
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
  ) AS "_1"
) AS "article_aggregate"
-- params:
-- fields:
article_aggregate: column 0
