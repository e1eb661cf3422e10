SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."author" AS "_0"
    WHERE TRUE
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "and_empty",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."author" AS "_1"
    WHERE FALSE
  ) AS "or_empty",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."author" AS "_2"
    WHERE (NOT TRUE)
  ) AS "not_empty",
  ARRAY(
    SELECT row("_3"."id")
    FROM "public"."author" AS "_3"
    WHERE TRUE
    ORDER BY "_3"."id" ASC NULLS LAST
  ) AS "empty"
-- params:
-- fields:
and_empty: column 0
or_empty: column 1
not_empty: column 2
empty: column 3
