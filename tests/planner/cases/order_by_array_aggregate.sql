SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."author" AS "_0"
    ORDER BY (
      SELECT count(*)
      FROM "public"."article" AS "_1"
      WHERE ("_0"."id" = "_1"."author_id")
    ) DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "by_count",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."author" AS "_2"
    ORDER BY (
      SELECT max("_3"."views")
      FROM "public"."article" AS "_3"
      WHERE ("_2"."id" = "_3"."author_id")
    ) ASC NULLS FIRST, "_2"."id" DESC NULLS FIRST
  ) AS "by_max",
  ARRAY(
    SELECT row("_4"."id")
    FROM "public"."author" AS "_4"
    ORDER BY (
      SELECT sum("_5"."views")
      FROM "public"."article" AS "_5"
      WHERE ("_4"."id" = "_5"."author_id")
    ) DESC NULLS LAST, (
      SELECT count(*)
      FROM "public"."article" AS "_6"
      WHERE ("_4"."id" = "_6"."author_id")
    ) ASC NULLS LAST, "_4"."id" ASC NULLS LAST
  ) AS "by_sum_and_count"
-- params:
-- fields:
by_count: column 0
by_max: column 1
by_sum_and_count: column 2
