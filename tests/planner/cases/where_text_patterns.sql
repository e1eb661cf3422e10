SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT "_1"."id" AS "id"
      ) AS "_2"
    ))), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE ("_0"."title" LIKE ($1)::"pg_catalog"."text")
    ) AS "_1"
  ) AS "like",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT "_4"."id" AS "id"
      ) AS "_5"
    )) ORDER BY "_4"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_3".*
      FROM "public"."article" AS "_3"
      WHERE ("_3"."title" NOT LIKE ($2)::"pg_catalog"."text")
      ORDER BY "_3"."id" ASC NULLS LAST
    ) AS "_4"
  ) AS "nlike",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_8"
      FROM (
        SELECT "_7"."id" AS "id"
      ) AS "_8"
    ))), '[]')
    FROM (
      SELECT "_6".*
      FROM "public"."article" AS "_6"
      WHERE ("_6"."title" ILIKE ($3)::"pg_catalog"."text")
    ) AS "_7"
  ) AS "ilike",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_11"
      FROM (
        SELECT "_10"."id" AS "id"
      ) AS "_11"
    )) ORDER BY "_10"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_9".*
      FROM "public"."article" AS "_9"
      WHERE ("_9"."title" NOT ILIKE ($4)::"pg_catalog"."text")
      ORDER BY "_9"."id" ASC NULLS LAST
    ) AS "_10"
  ) AS "nilike",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_14"
      FROM (
        SELECT "_13"."id" AS "id"
      ) AS "_14"
    )) ORDER BY "_13"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_12".*
      FROM "public"."article" AS "_12"
      WHERE ("_12"."title" SIMILAR TO ($5)::"pg_catalog"."text")
      ORDER BY "_12"."id" ASC NULLS LAST
    ) AS "_13"
  ) AS "similar",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_17"
      FROM (
        SELECT "_16"."id" AS "id"
      ) AS "_17"
    )) ORDER BY "_16"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_15".*
      FROM "public"."article" AS "_15"
      WHERE ("_15"."title" NOT SIMILAR TO ($6)::"pg_catalog"."text")
      ORDER BY "_15"."id" ASC NULLS LAST
    ) AS "_16"
  ) AS "nsimilar",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_20"
      FROM (
        SELECT "_19"."id" AS "id"
      ) AS "_20"
    ))), '[]')
    FROM (
      SELECT "_18".*
      FROM "public"."article" AS "_18"
      WHERE ("_18"."title" ~ ($7)::"pg_catalog"."text")
    ) AS "_19"
  ) AS "regex",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_23"
      FROM (
        SELECT "_22"."id" AS "id"
      ) AS "_23"
    ))), '[]')
    FROM (
      SELECT "_21".*
      FROM "public"."article" AS "_21"
      WHERE ("_21"."title" !~ ($8)::"pg_catalog"."text")
    ) AS "_22"
  ) AS "nregex",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_26"
      FROM (
        SELECT "_25"."id" AS "id"
      ) AS "_26"
    ))), '[]')
    FROM (
      SELECT "_24".*
      FROM "public"."article" AS "_24"
      WHERE ("_24"."title" ~* ($9)::"pg_catalog"."text")
    ) AS "_25"
  ) AS "iregex",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_29"
      FROM (
        SELECT "_28"."id" AS "id"
      ) AS "_29"
    ))), '[]')
    FROM (
      SELECT "_27".*
      FROM "public"."article" AS "_27"
      WHERE ("_27"."title" !~* ($10)::"pg_catalog"."text")
    ) AS "_28"
  ) AS "niregex",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_32"
      FROM (
        SELECT "_31"."title" AS "title"
      ) AS "_32"
    ))), '[]')
    FROM (
      SELECT "_30".*
      FROM "public"."article" AS "_30"
      WHERE ("_30"."title" LIKE ($11)::"pg_catalog"."text")
    ) AS "_31"
  ) AS "escaped"
-- params:
%Engine%
%i%
unix%
%E%
(Unix|AWK)%
%(a|e)%
"^[A-Z]{3} "
[a-z]
^awk
[aeiou]
100\% pure\_%
-- fields:
like: column 0
nlike: column 1
ilike: column 2
nilike: column 3
similar: column 4
nsimilar: column 5
regex: column 6
nregex: column 7
iregex: column 8
niregex: column 9
escaped: column 10
