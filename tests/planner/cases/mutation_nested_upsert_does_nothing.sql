-- statement 0 (errors at $.selectionSet.insert_article.args.objects):
WITH "_1" AS (
  INSERT INTO "public"."author" AS "_2" ("id", "name", "joined_at")
  VALUES
    (($1)::"pg_catalog"."int4", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."timestamptz")
  ON CONFLICT ON CONSTRAINT "author_pkey" DO NOTHING
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
SELECT
  set_config('graft.mutation_0', (json_build_object('affected_rows', (
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
      FROM "_3"
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
40
Orphan
-- guard 1 at $.selectionSet.insert_article.args.objects[0].author: cannot proceed to insert object relation "author" since insert to table "author" affects zero rows
-- statement 1 (errors at $.selectionSet.insert_article.args.objects):
WITH "_m" AS (
  SELECT *
  FROM "pg_catalog"."json_populate_recordset"((NULL)::"public"."article", json_extract_path((current_setting('graft.mutation_0'))::json, 'rows')) AS "_p"
)
SELECT json_build_object('affected_rows', (json_extract_path_text((current_setting('graft.mutation_0'))::json, 'affected_rows'))::integer) AS "insert_article"
-- params:
-- fields:
insert_article: column 1
