SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE (("_0"."author_id" = ($1)::"pg_catalog"."int4") OR ("_0"."is_published" = ($2)::"pg_catalog"."bool"))
      ORDER BY "_0"."id" ASC NULLS LAST
      LIMIT 3
    ) AS "_1"
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "article",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count(*)), 'nodes', (
      SELECT coalesce(json_agg(row_to_json((
        SELECT "_5"
        FROM (
          SELECT "_4"."id" AS "id"
        ) AS "_5"
      )) ORDER BY "_4"."id" DESC NULLS FIRST), '[]')
      FROM (
        SELECT "_2".*
        FROM "public"."article" AS "_2"
        WHERE (("_2"."author_id" = ($3)::"pg_catalog"."int4") OR ("_2"."is_published" = ($4)::"pg_catalog"."bool"))
        ORDER BY "_2"."id" DESC NULLS FIRST
        LIMIT 3
      ) AS "_4"
    ))
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
      WHERE (("_2"."author_id" = ($3)::"pg_catalog"."int4") OR ("_2"."is_published" = ($4)::"pg_catalog"."bool"))
      ORDER BY "_2"."id" DESC NULLS FIRST
    ) AS "_3"
  ) AS "article_aggregate"
-- params:
3
true
3
true
-- fields:
article: column 0
article_aggregate: column 1
