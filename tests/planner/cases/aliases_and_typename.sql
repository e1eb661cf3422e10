SELECT ARRAY(
  SELECT row("_0"."id", "_0"."name", "_0"."name", ARRAY(
    SELECT row("_1"."title")
    FROM "public"."article" AS "_1"
    WHERE ("_0"."id" = "_1"."author_id")
    ORDER BY "_1"."id" ASC NULLS LAST
  ))
  FROM "public"."author" AS "_0"
  ORDER BY "_0"."id" ASC NULLS LAST
  LIMIT 2
) AS "writers"
-- params:
-- fields:
__typename: "query_root"
writers: column 0
