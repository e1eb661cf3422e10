SELECT ARRAY(
  SELECT row("_1"."id", "_1"."name", "_1"."name", ARRAY(
    SELECT row("_3"."title")
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
      WHERE ("_1"."id" = "_2"."author_id")
      ORDER BY "_2"."id" ASC NULLS LAST
    ) AS "_3"
    ORDER BY "_3"."id" ASC NULLS LAST
  ))
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 2
  ) AS "_1"
  ORDER BY "_1"."id" ASC NULLS LAST
) AS "writers"
-- params:
-- fields:
__typename: "query_root"
writers: column 0
