SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      WHERE TRUE
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "and_empty",
  ARRAY(
    SELECT row("_3"."id")
    FROM (
      SELECT "_2".*
      FROM "public"."author" AS "_2"
      WHERE FALSE
    ) AS "_3"
  ) AS "or_empty",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT "_4".*
      FROM "public"."author" AS "_4"
      WHERE (NOT TRUE)
    ) AS "_5"
  ) AS "not_empty",
  ARRAY(
    SELECT row("_7"."id")
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE TRUE
      ORDER BY "_6"."id" ASC NULLS LAST
    ) AS "_7"
    ORDER BY "_7"."id" ASC NULLS LAST
  ) AS "empty"
-- params:
-- fields:
and_empty: column 0
or_empty: column 1
not_empty: column 2
empty: column 3
