SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      ORDER BY "_0"."rating" ASC NULLS LAST, "_0"."id" ASC NULLS LAST
    ) AS "_1"
    ORDER BY "_1"."rating" ASC NULLS LAST, "_1"."id" ASC NULLS LAST
  ) AS "asc",
  ARRAY(
    SELECT row("_3"."id")
    FROM (
      SELECT "_2".*
      FROM "public"."author" AS "_2"
      ORDER BY "_2"."rating" ASC NULLS FIRST, "_2"."id" ASC NULLS LAST
    ) AS "_3"
    ORDER BY "_3"."rating" ASC NULLS FIRST, "_3"."id" ASC NULLS LAST
  ) AS "asc_nulls_first",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT "_4".*
      FROM "public"."author" AS "_4"
      ORDER BY "_4"."rating" ASC NULLS LAST, "_4"."id" ASC NULLS LAST
    ) AS "_5"
    ORDER BY "_5"."rating" ASC NULLS LAST, "_5"."id" ASC NULLS LAST
  ) AS "asc_nulls_last",
  ARRAY(
    SELECT row("_7"."id")
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      ORDER BY "_6"."rating" DESC NULLS FIRST, "_6"."id" ASC NULLS LAST
    ) AS "_7"
    ORDER BY "_7"."rating" DESC NULLS FIRST, "_7"."id" ASC NULLS LAST
  ) AS "desc",
  ARRAY(
    SELECT row("_9"."id")
    FROM (
      SELECT "_8".*
      FROM "public"."author" AS "_8"
      ORDER BY "_8"."rating" DESC NULLS FIRST, "_8"."id" ASC NULLS LAST
    ) AS "_9"
    ORDER BY "_9"."rating" DESC NULLS FIRST, "_9"."id" ASC NULLS LAST
  ) AS "desc_nulls_first",
  ARRAY(
    SELECT row("_11"."id")
    FROM (
      SELECT "_10".*
      FROM "public"."author" AS "_10"
      ORDER BY "_10"."rating" DESC NULLS LAST, "_10"."id" ASC NULLS LAST
    ) AS "_11"
    ORDER BY "_11"."rating" DESC NULLS LAST, "_11"."id" ASC NULLS LAST
  ) AS "desc_nulls_last"
-- params:
-- fields:
asc: column 0
asc_nulls_first: column 1
asc_nulls_last: column 2
desc: column 3
desc_nulls_first: column 4
desc_nulls_last: column 5
