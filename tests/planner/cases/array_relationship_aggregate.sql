SELECT ARRAY(
  SELECT row("_0"."name", (
    SELECT json_build_object('aggregate', json_build_object('count', count(*), 'max', json_build_object('views', max("_2"."views"))), 'nodes', coalesce(json_agg(row_to_json((
      SELECT "_3"
      FROM (
        SELECT "_2"."id" AS "id"
      ) AS "_3"
    ))), '[]'))
    FROM (
      SELECT "_1".*
      FROM "public"."article" AS "_1"
      WHERE (("_0"."id" = "_1"."author_id") AND ("_1"."is_published" = ($1)::"pg_catalog"."bool"))
    ) AS "_2"
  ), (
    SELECT json_build_object('aggregate', json_build_object('count', count(*)), 'nodes', coalesce(json_agg(row_to_json((
      SELECT "_6"
      FROM (
        SELECT "_5"."title" AS "title"
      ) AS "_6"
    )) ORDER BY "_5"."views" DESC NULLS FIRST, "_5"."id" ASC NULLS LAST), '[]'))
    FROM (
      SELECT "_4".*
      FROM "public"."article" AS "_4"
      WHERE ("_0"."id" = "_4"."author_id")
      ORDER BY "_4"."views" DESC NULLS FIRST, "_4"."id" ASC NULLS LAST
      LIMIT 1
    ) AS "_5"
  ))
  FROM "public"."author" AS "_0"
  ORDER BY "_0"."id" ASC NULLS LAST
) AS "author"
-- params:
true
-- fields:
author: column 0
