SELECT
  (
    SELECT row("_0"."name", ARRAY(
      SELECT row("_1"."title")
      FROM "public"."article" AS "_1"
      WHERE ("_0"."id" = "_1"."author_id")
      ORDER BY "_1"."id" ASC NULLS LAST
    ))
    FROM "public"."author" AS "_0"
    WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  ) AS "author_by_pk",
  (
    SELECT row("_2"."name")
    FROM "public"."author" AS "_2"
    WHERE ("_2"."id" = ($2)::"pg_catalog"."int4")
  ) AS "missing"
-- params:
2
99
-- fields:
author_by_pk: column 0
missing: column 1
