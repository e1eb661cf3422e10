SELECT
  ARRAY(
    SELECT row("_2"."id")
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
    ORDER BY "_2"."__order_0" DESC NULLS FIRST, "_2"."id" ASC NULLS LAST
  ) AS "by_count",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT
        "_3".*,
        (
          SELECT max("_4"."views")
          FROM "public"."article" AS "_4"
          WHERE ("_3"."id" = "_4"."author_id")
        ) AS "__order_0"
      FROM "public"."author" AS "_3"
      ORDER BY "__order_0" ASC NULLS FIRST, "_3"."id" DESC NULLS FIRST
    ) AS "_5"
    ORDER BY "_5"."__order_0" ASC NULLS FIRST, "_5"."id" DESC NULLS FIRST
  ) AS "by_max",
  ARRAY(
    SELECT row("_9"."id")
    FROM (
      SELECT
        "_6".*,
        (
          SELECT sum("_7"."views")
          FROM "public"."article" AS "_7"
          WHERE ("_6"."id" = "_7"."author_id")
        ) AS "__order_0",
        (
          SELECT count(*)
          FROM "public"."article" AS "_8"
          WHERE ("_6"."id" = "_8"."author_id")
        ) AS "__order_1"
      FROM "public"."author" AS "_6"
      ORDER BY "__order_0" DESC NULLS LAST, "__order_1" ASC NULLS LAST, "_6"."id" ASC NULLS LAST
    ) AS "_9"
    ORDER BY "_9"."__order_0" DESC NULLS LAST, "_9"."__order_1" ASC NULLS LAST, "_9"."id" ASC NULLS LAST
  ) AS "by_sum_and_count"
-- params:
-- fields:
by_count: column 0
by_max: column 1
by_sum_and_count: column 2
