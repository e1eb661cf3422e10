SELECT
  ARRAY(
    SELECT row("_1"."id", "_1"."first_name", "_1"."lifecycle_stage")
    FROM (
      SELECT "_0".*
      FROM "hubspot"."contact" AS "_0"
      WHERE ("_0"."lifecycle_stage" = ($1)::"pg_catalog"."text")
      ORDER BY "_0"."lifecycle_stage" ASC NULLS LAST, "_0"."first_name" ASC NULLS FIRST
    ) AS "_1"
    ORDER BY "_1"."lifecycle_stage" ASC NULLS LAST, "_1"."first_name" ASC NULLS FIRST
  ) AS "contact",
  ARRAY(
    SELECT row("_3"."lifecycle_stage")
    FROM (
      SELECT DISTINCT ON ("_2"."lifecycle_stage") "_2".*
      FROM "hubspot"."contact" AS "_2"
      ORDER BY "_2"."lifecycle_stage" ASC NULLS LAST, "_2"."id" DESC NULLS FIRST
    ) AS "_3"
    ORDER BY "_3"."lifecycle_stage" ASC NULLS LAST, "_3"."id" DESC NULLS FIRST
  ) AS "distinct_stages",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count("_5"."stage"), 'sum', json_build_object('amount', sum("_5"."amount"))))
    FROM (
      SELECT "_4".*
      FROM "hubspot"."deal" AS "_4"
    ) AS "_5"
  ) AS "dealsAggregate"
-- params:
lead
-- fields:
contact: column 0
distinct_stages: column 1
dealsAggregate: column 2
