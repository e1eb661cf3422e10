SELECT ARRAY(
  SELECT row("_1"."name", (
    SELECT json_build_object('aggregate', json_build_object('count', count(*), 'max', json_build_object('views', max("_3"."views"))), 'nodes', coalesce(json_agg(row_to_json((
      SELECT "_4"
      FROM (
        SELECT "_3"."id" AS "id"
      ) AS "_4"
    ))), '[]'))
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
      WHERE (("_1"."id" = "_2"."author_id") AND ("_2"."is_published" = ($1)::"pg_catalog"."bool"))
    ) AS "_3"
  ), (
    SELECT json_build_object('aggregate', json_build_object('count', count(*)), 'nodes', coalesce(json_agg(row_to_json((
      SELECT "_7"
      FROM (
        SELECT "_6"."title" AS "title"
      ) AS "_7"
    )) ORDER BY "_6"."views" DESC NULLS FIRST, "_6"."id" ASC NULLS LAST), '[]'))
    FROM (
      SELECT "_5".*
      FROM "public"."article" AS "_5"
      WHERE ("_1"."id" = "_5"."author_id")
      ORDER BY "_5"."views" DESC NULLS FIRST, "_5"."id" ASC NULLS LAST
      LIMIT 1
    ) AS "_6"
  ))
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
  ) AS "_1"
  ORDER BY "_1"."id" ASC NULLS LAST
) AS "author"
-- params:
true
-- fields:
author: column 0
