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
      FROM "public"."article" AS "_0"
      WHERE (("_0"."id" = ANY(($1)::"pg_catalog"."int4"[])) AND ("_0"."author_id" <> ALL(($2)::"pg_catalog"."int4"[])))
      ORDER BY "_0"."id" ASC NULLS LAST
    ) AS "_1"
  ) AS "chosen",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT "_4"."id" AS "id"
      ) AS "_5"
    ))), '[]')
    FROM (
      SELECT "_3".*
      FROM "public"."article" AS "_3"
      WHERE ("_3"."id" = ANY(($3)::"pg_catalog"."int4"[]))
    ) AS "_4"
  ) AS "none",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_8"
      FROM (
        SELECT "_7"."id" AS "id"
      ) AS "_8"
    )) ORDER BY "_7"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      WHERE ("_6"."name" <> ALL(($4)::"pg_catalog"."text"[]))
      ORDER BY "_6"."id" ASC NULLS LAST
    ) AS "_7"
  ) AS "all",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_11"
      FROM (
        SELECT "_10"."name" AS "name"
      ) AS "_11"
    ))), '[]')
    FROM (
      SELECT "_9".*
      FROM "public"."author" AS "_9"
      WHERE ("_9"."name" = ANY(($5)::"pg_catalog"."text"[]))
    ) AS "_10"
  ) AS "names"
-- params:
{"1","3","5"}
{"3"}
{}
{}
{"Ada","O'Brien, \"the\" {x}","NULL"}
-- fields:
chosen: column 0
none: column 1
all: column 2
names: column 3
