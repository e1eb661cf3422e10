SELECT
  (
    SELECT row("_0"."name")
    FROM "public"."author" AS "_0"
    WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  ) AS "author_by_pk",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count(*)))
    FROM (
      SELECT "_1".*
      FROM "public"."article" AS "_1"
    ) AS "_2"
  ) AS "article_aggregate",
  ARRAY(
    SELECT row("_3"."email")
    FROM "hubspot"."contact" AS "_3"
    ORDER BY "_3"."id" ASC NULLS LAST
    LIMIT 1
  ) AS "contact"
-- params:
1
-- fields:
author_by_pk: column 0
article_aggregate: column 1
__typename: "query_root"
contact: column 2
