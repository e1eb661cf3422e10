-- statement 0 (errors at $.selectionSet.insert_author.args.objects):
WITH "_1" AS (
  INSERT INTO "public"."author" AS "_2" ("id", "name", "joined_at")
  VALUES
    (($1)::"pg_catalog"."int4", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."timestamptz"),
    (($4)::"pg_catalog"."int4", ($5)::"pg_catalog"."text", ($6)::"pg_catalog"."timestamptz")
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
      (1, 1, ($7)::"pg_catalog"."int4", ($8)::"pg_catalog"."text")
  ) AS "_v"("_o", "_p0", "_c0", "_c1")
  INNER JOIN (
    SELECT
      row_number() OVER (),
      "_1"."id"
    FROM "_1"
  ) AS "_q0"("_o", "_k0") ON ("_q0"."_o" = "_v"."_p0")
  ORDER BY "_v"."_o" ASC
  RETURNING *
),
"_5" AS (
  INSERT INTO "public"."article" AS "_6" ("id", "title", "views", "author_id")
  SELECT
    "_v"."_c0",
    "_v"."_c1",
    "_v"."_c2",
    "_q0"."_k0"
  FROM (
    VALUES
      (1, 1, ($9)::"pg_catalog"."int4", ($10)::"pg_catalog"."text", ($11)::"pg_catalog"."int8")
  ) AS "_v"("_o", "_p0", "_c0", "_c1", "_c2")
  INNER JOIN (
    SELECT
      row_number() OVER (),
      "_1"."id"
    FROM "_1"
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
      (1, 2, ($12)::"pg_catalog"."int4", ($13)::"pg_catalog"."text")
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
SELECT set_config('graft.mutation_0', (json_build_object('affected_rows', (
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
    FROM "_1"
  ) AS "_r"
)))::text, TRUE)
-- params:
10
Eve
2024-01-01T00:00:00Z
11
Finn
2024-02-01T00:00:00Z
20
First
21
Second
3
22
Third
-- statement 1 (errors at $.selectionSet.insert_author.args.objects):
WITH "_m" AS (
  SELECT *
  FROM "pg_catalog"."json_populate_recordset"((NULL)::"public"."author", json_extract_path((current_setting('graft.mutation_0'))::json, 'rows')) AS "_p"
)
SELECT json_build_object('affected_rows', (json_extract_path_text((current_setting('graft.mutation_0'))::json, 'affected_rows'))::integer, 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_12"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."name" AS "name",
        (
          SELECT coalesce(json_agg(row_to_json((
            SELECT "_11"
            FROM (
              SELECT
                "_10"."id" AS "id",
                "_10"."title" AS "title",
                "_10"."views" AS "views",
                "_10"."author_id" AS "author_id"
            ) AS "_11"
          )) ORDER BY "_10"."id" ASC NULLS LAST), '[]')
          FROM (
            SELECT "_9".*
            FROM "public"."article" AS "_9"
            WHERE ("_r"."id" = "_9"."author_id")
            ORDER BY "_9"."id" ASC NULLS LAST
          ) AS "_10"
        ) AS "articles"
    ) AS "_12"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "insert_author"
-- params:
-- fields:
insert_author: column 1
