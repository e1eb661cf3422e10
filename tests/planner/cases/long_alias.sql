SELECT (
  SELECT coalesce(json_agg(json_build_object('an_alias_that_is_much_longer_than_the_sixty_three_bytes_postgres_keeps_for_names', "_1"."title", 'short', "_1"."id")), '[]')
  FROM (
    SELECT "_0".*
    FROM "public"."article" AS "_0"
    WHERE ("_0"."id" = ($1)::"pg_catalog"."int4")
  ) AS "_1"
) AS "article"
-- params:
1
-- fields:
article: column 0
