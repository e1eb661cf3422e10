SELECT
  (
    SELECT row_to_json((
      SELECT "_1"
      FROM (
        SELECT "_0"."name" AS "name"
      ) AS "_1"
    ))
    FROM "public"."author" AS "_0"
    WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  ) AS "author_by_pk",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count(*)))
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
    ) AS "_3"
  ) AS "article_aggregate",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_6"
      FROM (
        SELECT "_5"."email" AS "email"
      ) AS "_6"
    )) ORDER BY "_5"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_4".*
      FROM "hubspot"."contact" AS "_4"
      ORDER BY "_4"."id" ASC NULLS LAST
      LIMIT 1
    ) AS "_5"
  ) AS "contact"
-- params:
1
-- fields:
author_by_pk: column 0
article_aggregate: column 1
__typename: "query_root"
contact: column 2
