SELECT ARRAY(
  SELECT row("_0"."id", (
    SELECT row("_2"."name")
    FROM "public"."author" AS "_2"
    WHERE ("_0"."author_id" = "_2"."id")
    LIMIT 1
  ))
  FROM "public"."article" AS "_0"
  ORDER BY (
    SELECT "_1"."name"
    FROM "public"."author" AS "_1"
    WHERE ("_0"."author_id" = "_1"."id")
    LIMIT 1
  ) DESC NULLS FIRST, "_0"."id" ASC NULLS LAST
) AS "article"
-- params:
-- fields:
article: column 0
