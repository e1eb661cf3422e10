SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_3"
      FROM (
        SELECT "_2"."id" AS "id"
      ) AS "_3"
    )) ORDER BY "_2"."__order_0" DESC NULLS FIRST, "_2"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT
        "_0".*,
        (
          SELECT count(*)
          FROM "public"."article" AS "_1"
          WHERE ("_0"."id" = "_1"."author_id")
        ) AS "__order_0"
      FROM "public"."author" AS "_0"
      ORDER BY "__order_0" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
    ) AS "_2"
  ) AS "by_count",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_7"
      FROM (
        SELECT "_6"."id" AS "id"
      ) AS "_7"
    )) ORDER BY "_6"."__order_0" ASC NULLS FIRST, "_6"."id" DESC NULLS FIRST), '[]')
    FROM (
      SELECT
        "_4".*,
        (
          SELECT max("_5"."views")
          FROM "public"."article" AS "_5"
          WHERE ("_4"."id" = "_5"."author_id")
        ) AS "__order_0"
      FROM "public"."author" AS "_4"
      ORDER BY "__order_0" ASC NULLS FIRST, "_4"."id" DESC NULLS FIRST
    ) AS "_6"
  ) AS "by_max",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_12"
      FROM (
        SELECT "_11"."id" AS "id"
      ) AS "_12"
    )) ORDER BY "_11"."__order_0" DESC NULLS LAST, "_11"."__order_1" ASC NULLS LAST, "_11"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT
        "_8".*,
        (
          SELECT sum("_9"."views")
          FROM "public"."article" AS "_9"
          WHERE ("_8"."id" = "_9"."author_id")
        ) AS "__order_0",
        (
          SELECT count(*)
          FROM "public"."article" AS "_10"
          WHERE ("_8"."id" = "_10"."author_id")
        ) AS "__order_1"
      FROM "public"."author" AS "_8"
      ORDER BY "__order_0" DESC NULLS LAST, "__order_1" ASC NULLS LAST, "_8"."id" ASC NULLS LAST
    ) AS "_11"
  ) AS "by_sum_and_count"
-- params:
-- fields:
by_count: column 0
by_max: column 1
by_sum_and_count: column 2
