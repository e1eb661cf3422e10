SELECT (
  SELECT json_build_object('aggregate', json_build_object('count', count(*), 'max', json_build_object('views', max("_1"."views"))), 'nodes', coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT "_1"."id" AS "id"
    ) AS "_2"
  ))), '[]'))
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    WHERE ("_0"."id" > ($1)::"pg_catalog"."int4")
  ) AS "_1"
) AS "article_aggregate"
-- params:
100
-- fields:
article_aggregate: column 0
