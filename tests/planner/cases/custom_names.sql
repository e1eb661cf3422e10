SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT
          "_1"."id" AS "id",
          "_1"."first_name" AS "firstName",
          "_1"."lifecycle_stage" AS "stage"
      ) AS "_2"
    )) ORDER BY "_1"."lifecycle_stage" ASC NULLS LAST, "_1"."first_name" ASC NULLS FIRST), '[]')
    FROM (
      SELECT "_0".*
      FROM "hubspot"."contact" AS "_0"
      WHERE ("_0"."lifecycle_stage" = ($1)::"pg_catalog"."text")
      ORDER BY "_0"."lifecycle_stage" ASC NULLS LAST, "_0"."first_name" ASC NULLS FIRST
    ) AS "_1"
  ) AS "contact",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT "_4"."lifecycle_stage" AS "stage"
      ) AS "_5"
    )) ORDER BY "_4"."lifecycle_stage" ASC NULLS LAST, "_4"."id" DESC NULLS FIRST), '[]')
    FROM (
      SELECT DISTINCT ON ("_3"."lifecycle_stage") "_3".*
      FROM "hubspot"."contact" AS "_3"
      ORDER BY "_3"."lifecycle_stage" ASC NULLS LAST, "_3"."id" DESC NULLS FIRST
    ) AS "_4"
  ) AS "distinct_stages",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count("_7"."stage"), 'sum', json_build_object('amount', sum("_7"."amount"))))
    FROM (
      SELECT "_6".*
      FROM "hubspot"."deal" AS "_6"
    ) AS "_7"
  ) AS "dealsAggregate"
-- params:
lead
-- fields:
contact: column 0
distinct_stages: column 1
dealsAggregate: column 2
