SELECT ARRAY(
  SELECT row("_0"."id")
  FROM "public"."article" AS "_0"
  ORDER BY (
    SELECT (
      SELECT "_2"."total_views"
      FROM "public"."author_stats" AS "_2"
      WHERE ("_1"."id" = "_2"."author_id")
      LIMIT 1
    )
    FROM "public"."author" AS "_1"
    WHERE ("_0"."author_id" = "_1"."id")
    LIMIT 1
  ) DESC NULLS LAST, (
    SELECT "_1"."id"
    FROM "public"."author" AS "_1"
    WHERE ("_0"."author_id" = "_1"."id")
    LIMIT 1
  ) ASC NULLS LAST, "_0"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
