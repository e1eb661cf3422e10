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
      WHERE (("_0"."author_id" = ($1)::"pg_catalog"."int4") OR ("_0"."is_published" = ($2)::"pg_catalog"."bool"))
      ORDER BY "_0"."id" ASC NULLS LAST
      LIMIT 3
    ) AS "_1"
  ) AS "article",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count(*)), 'nodes', (
      SELECT coalesce(json_agg(row_to_json((
        SELECT "_6"
        FROM (
          SELECT "_5"."id" AS "id"
        ) AS "_6"
      )) ORDER BY "_5"."id" DESC NULLS FIRST), '[]')
      FROM (
        SELECT "_3".*
        FROM "public"."article" AS "_3"
        WHERE (("_3"."author_id" = ($3)::"pg_catalog"."int4") OR ("_3"."is_published" = ($4)::"pg_catalog"."bool"))
        ORDER BY "_3"."id" DESC NULLS FIRST
        LIMIT 3
      ) AS "_5"
    ))
    FROM (
      SELECT "_3".*
      FROM "public"."article" AS "_3"
      WHERE (("_3"."author_id" = ($3)::"pg_catalog"."int4") OR ("_3"."is_published" = ($4)::"pg_catalog"."bool"))
      ORDER BY "_3"."id" DESC NULLS FIRST
    ) AS "_4"
  ) AS "article_aggregate"
-- params:
3
true
3
true
-- fields:
article: column 0
article_aggregate: column 1
