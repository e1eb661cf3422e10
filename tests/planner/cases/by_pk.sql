SELECT
  (
    SELECT row_to_json((
      SELECT "_4"
      FROM (
        SELECT
          "_0"."name" AS "name",
          (
            SELECT coalesce(json_agg(row_to_json((
              SELECT "_3"
              FROM (
                SELECT "_2"."title" AS "title"
              ) AS "_3"
            )) ORDER BY "_2"."id" ASC NULLS LAST), '[]')
            FROM (
              SELECT "_1".*
              FROM "public"."article" AS "_1"
              WHERE ("_0"."id" = "_1"."author_id")
              ORDER BY "_1"."id" ASC NULLS LAST
            ) AS "_2"
          ) AS "articles"
      ) AS "_4"
    ))
    FROM "public"."author" AS "_0"
    WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  ) AS "author_by_pk",
  (
    SELECT row_to_json((
      SELECT "_6"
      FROM (
        SELECT "_5"."name" AS "name"
      ) AS "_6"
    ))
    FROM "public"."author" AS "_5"
    WHERE ("_5"."id" = ($2)::"pg_catalog"."int4")
  ) AS "missing"
-- params:
2
99
-- fields:
author_by_pk: column 0
missing: column 1
