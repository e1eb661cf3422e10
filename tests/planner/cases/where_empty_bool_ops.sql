SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT "_1"."id" AS "id"
      ) AS "_2"
    )) ORDER BY "_1"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      WHERE TRUE
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
  ) AS "and_empty",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT "_4"."id" AS "id"
      ) AS "_5"
    ))), '[]')
    FROM (
      SELECT "_3".*
      FROM "public"."author" AS "_3"
      WHERE FALSE
    ) AS "_4"
  ) AS "or_empty",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_8"
      FROM (
        SELECT "_7"."id" AS "id"
      ) AS "_8"
    ))), '[]')
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE (NOT TRUE)
    ) AS "_7"
  ) AS "not_empty",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_11"
      FROM (
        SELECT "_10"."id" AS "id"
      ) AS "_11"
    )) ORDER BY "_10"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_9".*
      FROM "public"."author" AS "_9"
      WHERE TRUE
      ORDER BY "_9"."id" ASC NULLS LAST
    ) AS "_10"
  ) AS "empty"
-- params:
-- fields:
and_empty: column 0
or_empty: column 1
not_empty: column 2
empty: column 3
