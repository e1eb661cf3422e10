SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."article" AS "_0"
    WHERE (("_0"."author_id" = ($1)::"pg_catalog"."int4") OR ("_0"."is_published" = ($2)::"pg_catalog"."bool"))
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 3
  ) AS "article",
  (
    SELECT json_build_object('aggregate', json_build_object('count', count(*)), 'nodes', (
      SELECT coalesce(json_agg(row_to_json((
        SELECT "_4"
        FROM (
          SELECT "_3"."id" AS "id"
        ) AS "_4"
      )) ORDER BY "_3"."id" DESC NULLS FIRST), '[]')
      FROM (
        SELECT "_1".*
        FROM "public"."article" AS "_1"
        WHERE (("_1"."author_id" = ($3)::"pg_catalog"."int4") OR ("_1"."is_published" = ($4)::"pg_catalog"."bool"))
        ORDER BY "_1"."id" DESC NULLS FIRST
        LIMIT 3
      ) AS "_3"
    ))
    FROM (
      SELECT "_1".*
      FROM "public"."article" AS "_1"
      WHERE (("_1"."author_id" = ($3)::"pg_catalog"."int4") OR ("_1"."is_published" = ($4)::"pg_catalog"."bool"))
      ORDER BY "_1"."id" DESC NULLS FIRST
    ) AS "_2"
  ) AS "article_aggregate"
-- params:
3
true
3
true
-- fields:
article: column 0
article_aggregate: column 1
