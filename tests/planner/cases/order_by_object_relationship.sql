SELECT ARRAY(
  SELECT row("_2"."id", (
    SELECT row("_3"."name")
    FROM "public"."author" AS "_3"
    WHERE ("_2"."author_id" = "_3"."id")
    LIMIT 1
  ))
  FROM (
    SELECT
      "_0".*,
      (
        SELECT "_1"."name"
        FROM "public"."author" AS "_1"
        WHERE ("_0"."author_id" = "_1"."id")
        LIMIT 1
      ) AS "__order_0"
    FROM "public"."article" AS "_0"
    ORDER BY "__order_0" DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
  ) AS "_2"
  ORDER BY "_2"."__order_0" DESC NULLS FIRST, "_2"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
