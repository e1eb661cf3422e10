-- statement 0 (errors at $.selectionSet.addDeals.args.objects):
WITH "_m" AS (
  INSERT INTO "hubspot"."deal" AS "_0" ("id", "name", "amount")
  VALUES
    (($1)::"pg_catalog"."text", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."numeric")
  RETURNING *
)
SELECT json_build_object('returning', (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."name" AS "name",
        "_r"."amount" AS "amount"
    ) AS "_1"
  ))), '[]')
  FROM "_m" AS "_r"
)) AS "addDeals"
-- params:
d9
New deal
10
-- statement 1 (errors at $):
WITH "_m" AS (
  UPDATE "hubspot"."deal" AS "_0"
  SET "stage" = ($2)::"pg_catalog"."text", "amount" = ("_0"."amount" + ($3)::"pg_catalog"."numeric")
  WHERE ("_0"."id" = ($1)::"pg_catalog"."text")
  RETURNING *
)
SELECT (
  SELECT row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."stage" AS "stage",
        "_r"."amount" AS "amount"
    ) AS "_1"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "updateDeal"
-- params:
d2
won
5E-1
-- statement 2 (errors at $.selectionSet.insert_contact_one.args.object):
WITH "_m" AS (
  INSERT INTO "hubspot"."contact" AS "_0" ("id", "first_name", "lifecycle_stage")
  VALUES
    (($1)::"pg_catalog"."text", ($2)::"pg_catalog"."text", ($3)::"pg_catalog"."text")
  RETURNING *
)
SELECT (
  SELECT row_to_json((
    SELECT "_1"
    FROM (
      SELECT
        "_r"."id" AS "id",
        "_r"."first_name" AS "firstName",
        "_r"."lifecycle_stage" AS "stage"
    ) AS "_1"
  ))
  FROM "_m" AS "_r"
  LIMIT 1
) AS "insert_contact_one"
-- params:
c9
Zed
lead
-- fields:
addDeals: column 0
updateDeal: column 1
insert_contact_one: column 2
