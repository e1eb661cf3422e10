-- statement 0 (errors at $.selectionSet.insert_article.args.objects):
WITH "_1" AS (
  INSERT INTO "public"."author" AS "_2" ("id", "name", "joined_at")
  VALUES
    (($1)::"pg_catalog"."int4", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."timestamptz")
  ON CONFLICT ON CONSTRAINT "author_pkey" DO UPDATE
  SET "name" = EXCLUDED."name"
  RETURNING *
),
"_3" AS (
  INSERT INTO "public"."author" AS "_4" ("id", "name", "joined_at")
  VALUES
    (($4)::"pg_catalog"."int4", ($5)::"pg_catalog"."text", ($6)::"pg_catalog"."timestamptz")
  RETURNING *
),
"_5" AS (
  INSERT INTO "public"."article" AS "_6" ("id", "title", "author_id")
  SELECT
    "_v"."_c0",
    "_v"."_c1",
    "_q0"."_k0"
  FROM (
    VALUES
      (1, 1, ($7)::"pg_catalog"."int4", ($8)::"pg_catalog"."text")
  ) AS "_v"("_o", "_p0", "_c0", "_c1")
  INNER JOIN (
    SELECT
      row_number() OVER (),
      "_3"."id"
    FROM "_3"
  ) AS "_q0"("_o", "_k0") ON ("_q0"."_o" = "_v"."_p0")
  ORDER BY "_v"."_o" ASC
  RETURNING *
),
"_7" AS (
  INSERT INTO "public"."article" AS "_8" ("id", "title", "author_id")
  SELECT
    "_v"."_c0",
    "_v"."_c1",
    "_q0"."_k0"
  FROM (
    VALUES
      (1, 1, ($9)::"pg_catalog"."int4", ($10)::"pg_catalog"."text")
  ) AS "_v"("_o", "_p0", "_c0", "_c1")
  INNER JOIN (
    SELECT
      row_number() OVER (),
      "_1"."id"
    FROM "_1"
  ) AS "_q0"("_o", "_k0") ON ("_q0"."_o" = "_v"."_p0")
  ORDER BY "_v"."_o" ASC
  RETURNING *
)
SELECT
  set_config('graft.mutation_0', (json_build_object('affected_rows', (
    SELECT count(*)
    FROM (
      SELECT 1
      FROM "_1"
      UNION ALL
      SELECT 1
      FROM "_3"
      UNION ALL
      SELECT 1
      FROM "_5"
      UNION ALL
      SELECT 1
      FROM "_7"
    ) AS "_c"
  ), 'rows', (
    SELECT coalesce(json_agg(row_to_json("_r")), '[]')
    FROM (
      SELECT *
      FROM "_5"
      UNION ALL
      SELECT *
      FROM "_7"
    ) AS "_r"
  )))::text, TRUE),
  CASE WHEN ((
    SELECT count(*)
    FROM "_1"
  ) < 1) THEN 1 END AS "__guard"
-- params:
1
Ada Lovelace
2020-01-01T00:00:00Z
12
Gus
2024-03-01T00:00:00Z
30
New author
31
Upserted author
-- guard 1 at $.selectionSet.insert_article.args.objects[1].author: cannot proceed to insert object relation "author" since insert to table "author" affects zero rows
-- statement 1 (errors at $.selectionSet.insert_article.args.objects):
WITH "_m" AS (
  SELECT *
  FROM "pg_catalog"."json_populate_recordset"((NULL)::"public"."article", json_extract_path((current_setting('graft.mutation_0'))::json, 'rows')) AS "_p"
)
SELECT json_build_object('affected_rows', (json_extract_path_text((current_setting('graft.mutation_0'))::json, 'affected_rows'))::integer, 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_13"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."title" AS "title",
        (
          SELECT row_to_json((
            SELECT "_12"
            FROM (
              SELECT
                "_9"."id" AS "id",
                "_9"."name" AS "name",
                (
                  SELECT json_build_object('aggregate', json_build_object('count', count(*)))
                  FROM (
                    SELECT "_10".*
                    FROM "public"."article" AS "_10"
                    WHERE ("_9"."id" = "_10"."author_id")
                  ) AS "_11"
                ) AS "articles_aggregate"
            ) AS "_12"
          ))
          FROM "public"."author" AS "_9"
          WHERE ("_r"."author_id" = "_9"."id")
          LIMIT 1
        ) AS "author"
    ) AS "_13"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "insert_article"
-- params:
-- statement 2 (errors at $.selectionSet.insert_author_one.args.object):
WITH "_1" AS (
  INSERT INTO "public"."author" AS "_2" ("id", "name", "joined_at")
  VALUES
    (($1)::"pg_catalog"."int4", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."timestamptz")
  RETURNING *
),
"_3" AS (
  INSERT INTO "public"."article" AS "_4" ("id", "title", "author_id")
  SELECT
    "_v"."_c0",
    "_v"."_c1",
    "_q0"."_k0"
  FROM (
    VALUES
      (1, 1, ($4)::"pg_catalog"."int4", ($5)::"pg_catalog"."text")
  ) AS "_v"("_o", "_p0", "_c0", "_c1")
  INNER JOIN (
    SELECT
      row_number() OVER (),
      "_1"."id"
    FROM "_1"
  ) AS "_q0"("_o", "_k0") ON ("_q0"."_o" = "_v"."_p0")
  ORDER BY "_v"."_o" ASC
  RETURNING *
)
SELECT set_config('graft.mutation_1', (json_build_object('affected_rows', (
  SELECT count(*)
  FROM (
    SELECT 1
    FROM "_1"
    UNION ALL
    SELECT 1
    FROM "_3"
  ) AS "_c"
), 'rows', (
  SELECT coalesce(json_agg(row_to_json("_r")), '[]')
  FROM (
    SELECT *
    FROM "_1"
  ) AS "_r"
)))::text, TRUE)
-- params:
13
Hal
2024-04-01T00:00:00Z
32
One of one
-- statement 3 (errors at $.selectionSet.insert_author_one.args.object):
WITH "_m" AS (
  SELECT *
  FROM "pg_catalog"."json_populate_recordset"((NULL)::"public"."author", json_extract_path((current_setting('graft.mutation_1'))::json, 'rows')) AS "_p"
)
SELECT (
  SELECT row_to_json((
    SELECT "_8"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."name" AS "name",
        (
          SELECT coalesce(json_agg(row_to_json((
            SELECT "_7"
            FROM (
              SELECT
                "_6"."id" AS "id",
                "_6"."title" AS "title"
            ) AS "_7"
          ))), '[]')
          FROM (
            SELECT "_5".*
            FROM "public"."article" AS "_5"
            WHERE ("_r"."id" = "_5"."author_id")
          ) AS "_6"
        ) AS "articles"
    ) AS "_8"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "insert_author_one"
-- params:
-- fields:
insert_article: column 1
insert_author_one: column 3
