SELECT ARRAY(
  SELECT row("_0"."title", (
    SELECT row("_1"."name", (
      SELECT row("_2"."article_count", "_2"."total_views", (
        SELECT row("_3"."id")
        FROM "public"."author" AS "_3"
        WHERE ("_2"."author_id" = "_3"."id")
        LIMIT 1
      ))
      FROM "public"."author_stats" AS "_2"
      WHERE ("_1"."id" = "_2"."author_id")
      LIMIT 1
    ))
    FROM "public"."author" AS "_1"
    WHERE ("_0"."author_id" = "_1"."id")
    LIMIT 1
  ))
  FROM "public"."article" AS "_0"
  ORDER BY "_0"."id" ASC NULLS LAST
  LIMIT 3
) AS "article"
-- params:
-- fields:
article: column 0
