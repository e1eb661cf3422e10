SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."author" AS "_0"
    ORDER BY "_0"."rating" ASC NULLS LAST, "_0"."id" ASC NULLS LAST
  ) AS "asc",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."author" AS "_1"
    ORDER BY "_1"."rating" ASC NULLS FIRST, "_1"."id" ASC NULLS LAST
  ) AS "asc_nulls_first",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."author" AS "_2"
    ORDER BY "_2"."rating" ASC NULLS LAST, "_2"."id" ASC NULLS LAST
  ) AS "asc_nulls_last",
  ARRAY(
    SELECT row("_3"."id")
    FROM "public"."author" AS "_3"
    ORDER BY "_3"."rating" DESC NULLS FIRST, "_3"."id" ASC NULLS LAST
  ) AS "desc",
  ARRAY(
    SELECT row("_4"."id")
    FROM "public"."author" AS "_4"
    ORDER BY "_4"."rating" DESC NULLS FIRST, "_4"."id" ASC NULLS LAST
  ) AS "desc_nulls_first",
  ARRAY(
    SELECT row("_5"."id")
    FROM "public"."author" AS "_5"
    ORDER BY "_5"."rating" DESC NULLS LAST, "_5"."id" ASC NULLS LAST
  ) AS "desc_nulls_last"
-- params:
-- fields:
asc: column 0
asc_nulls_first: column 1
asc_nulls_last: column 2
desc: column 3
desc_nulls_first: column 4
desc_nulls_last: column 5
