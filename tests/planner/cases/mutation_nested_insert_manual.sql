-- statement 0 (errors at $.selectionSet.insert_contact.args.objects):
WITH "_1" AS (
  INSERT INTO "hubspot"."contact" AS "_2" ("id", "email")
  VALUES
    (($1)::"pg_catalog"."text", ($2)::"pg_catalog"."text"),
    (($3)::"pg_catalog"."text", ($4)::"pg_catalog"."text")
  RETURNING *
),
"_3" AS (
  INSERT INTO "hubspot"."deal" AS "_4" ("id", "name")
  VALUES
    (($5)::"pg_catalog"."text", ($6)::"pg_catalog"."text"),
    (($7)::"pg_catalog"."text", ($8)::"pg_catalog"."text"),
    (($9)::"pg_catalog"."text", ($10)::"pg_catalog"."text")
  RETURNING *
),
"_5" AS (
  INSERT INTO "hubspot"."associations_contact_deal" AS "_6" ("contact_id", "deal_id")
  SELECT
    "_q0"."_k0",
    "_q1"."_k0"
  FROM (
    VALUES
      (1, 1, 1),
      (2, 1, 2),
      (3, 2, 3)
  ) AS "_v"("_o", "_p0", "_p1")
  INNER JOIN (
    SELECT
      row_number() OVER (),
      "_1"."id"
    FROM "_1"
  ) AS "_q0"("_o", "_k0") ON ("_q0"."_o" = "_v"."_p0")
  INNER JOIN (
    SELECT
      row_number() OVER (),
      "_3"."id"
    FROM "_3"
  ) AS "_q1"("_o", "_k0") ON ("_q1"."_o" = "_v"."_p1")
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
  ) AS "_c"
), 'rows', (
  SELECT coalesce(json_agg(row_to_json("_r")), '[]')
  FROM (
    SELECT *
    FROM "_1"
  ) AS "_r"
)))::text, TRUE)
-- params:
c10
kim@example.com
c11
lee@example.com
d10
Kim's first
d11
Kim's second
d12
Lee's
-- statement 1 (errors at $.selectionSet.insert_contact.args.objects):
WITH "_m" AS (
  SELECT *
  FROM "pg_catalog"."json_populate_recordset"((NULL)::"hubspot"."contact", json_extract_path((current_setting('graft.mutation_0'))::json, 'rows')) AS "_p"
)
SELECT json_build_object('affected_rows', (json_extract_path_text((current_setting('graft.mutation_0'))::json, 'affected_rows'))::integer, 'returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_10"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."email" AS "email",
        (
          SELECT coalesce(json_agg(row_to_json((
            SELECT "_9"
            FROM (
              SELECT "_8"."deal_id" AS "deal_id"
            ) AS "_9"
          )) ORDER BY "_8"."deal_id" ASC NULLS LAST), '[]')
          FROM (
            SELECT "_7".*
            FROM "hubspot"."associations_contact_deal" AS "_7"
            WHERE ("_r"."id" = "_7"."contact_id")
            ORDER BY "_7"."deal_id" ASC NULLS LAST
          ) AS "_8"
        ) AS "deal_links"
    ) AS "_10"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "insert_contact"
-- params:
-- fields:
insert_contact: column 1
