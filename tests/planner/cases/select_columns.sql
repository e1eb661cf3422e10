SELECT (
  SELECT coalesce(json_agg(row_to_json((
    SELECT "_2"
    FROM (
      SELECT
        "_1"."id" AS "id",
        "_1"."name" AS "name",
        "_1"."rating" AS "rating",
        "_1"."followers" AS "followers",
        "_1"."profile" AS "profile",
        "_1"."is_active" AS "is_active",
        "_1"."joined_at" AS "joined_at",
        "_1"."tags" AS "tags"
    ) AS "_2"
  ))), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."author" AS "_0"
  ) AS "_1"
) AS "author"
-- params:
-- fields:
author: column 0
