SELECT
  ARRAY(
    SELECT row("_0"."id", "_0"."first_name", "_0"."lifecycle_stage")
    FROM "hubspot"."contact" AS "_0"
    WHERE ("_0"."lifecycle_stage" = ($1)::"pg_catalog"."text")
    ORDER BY "_0"."lifecycle_stage" ASC NULLS LAST, "_0"."first_name" ASC NULLS FIRST
  ) AS "contact",
  ARRAY(
    SELECT DISTINCT ON ("_1"."lifecycle_stage") row("_1"."lifecycle_stage")
    FROM "hubspot"."contact" AS "_1"
    ORDER BY "_1"."lifecycle_stage" ASC NULLS LAST, "_1"."id" DESC NULLS FIRST
  ) AS "distinct_stages",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count("_3"."stage"), 'sum', json_build_object('amount', sum("_3"."amount"))))
    FROM (
      SELECT "_2".*
      FROM "hubspot"."deal" AS "_2"
    ) AS "_3"
  ) AS "dealsAggregate"
-- params:
lead
-- fields:
contact: column 0
distinct_stages: column 1
dealsAggregate: column 2
