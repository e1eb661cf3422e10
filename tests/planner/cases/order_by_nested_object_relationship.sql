SELECT ARRAY(
  SELECT row("_3"."id")
  FROM (
    SELECT
      "_0".*,
      (
        SELECT (
          SELECT "_2"."total_views"
          FROM "public"."author_stats" AS "_2"
          WHERE ("_1"."id" = "_2"."author_id")
          LIMIT 1
        )
        FROM "public"."author" AS "_1"
        WHERE ("_0"."author_id" = "_1"."id")
        LIMIT 1
      ) AS "__order_0",
      (
        SELECT "_1"."id"
        FROM "public"."author" AS "_1"
        WHERE ("_0"."author_id" = "_1"."id")
        LIMIT 1
      ) AS "__order_1"
    FROM "public"."article" AS "_0"
    ORDER BY "__order_0" DESC NULLS LAST, "__order_1" ASC NULLS LAST, "_0"."id" ASC NULLS LAST
  ) AS "_3"
  ORDER BY "_3"."__order_0" DESC NULLS LAST, "_3"."__order_1" ASC NULLS LAST, "_3"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
