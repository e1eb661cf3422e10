SELECT ARRAY(
  SELECT row("_1"."title", (
    SELECT row("_2"."name", (
      SELECT row("_3"."article_count", "_3"."total_views", (
        SELECT row("_4"."id")
        FROM "public"."author" AS "_4"
        WHERE ("_3"."author_id" = "_4"."id")
        LIMIT 1
      ))
      FROM "public"."author_stats" AS "_3"
      WHERE ("_2"."id" = "_3"."author_id")
      LIMIT 1
    ))
    FROM "public"."author" AS "_2"
    WHERE ("_1"."author_id" = "_2"."id")
    LIMIT 1
  ))
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    ORDER BY "_0"."id" ASC NULLS LAST
    LIMIT 3
  ) AS "_1"
  ORDER BY "_1"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
