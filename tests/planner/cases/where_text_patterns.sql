SELECT
  ARRAY(
    SELECT row("_1"."id")
    FROM (
      SELECT "_0".*
      FROM "public"."article" AS "_0"
      WHERE ("_0"."title" LIKE ($1)::"pg_catalog"."text")
    ) AS "_1"
  ) AS "like",
  ARRAY(
    SELECT row("_3"."id")
    FROM (
      SELECT "_2".*
      FROM "public"."article" AS "_2"
      WHERE ("_2"."title" NOT LIKE ($2)::"pg_catalog"."text")
      ORDER BY "_2"."id" ASC NULLS LAST
    ) AS "_3"
    ORDER BY "_3"."id" ASC NULLS LAST
  ) AS "nlike",
  ARRAY(
    SELECT row("_5"."id")
    FROM (
      SELECT "_4".*
      FROM "public"."article" AS "_4"
      WHERE ("_4"."title" ILIKE ($3)::"pg_catalog"."text")
    ) AS "_5"
  ) AS "ilike",
  ARRAY(
    SELECT row("_7"."id")
    FROM (
      SELECT "_6".*
      FROM "public"."article" AS "_6"
      WHERE ("_6"."title" NOT ILIKE ($4)::"pg_catalog"."text")
      ORDER BY "_6"."id" ASC NULLS LAST
    ) AS "_7"
    ORDER BY "_7"."id" ASC NULLS LAST
  ) AS "nilike",
  ARRAY(
    SELECT row("_9"."id")
    FROM (
      SELECT "_8".*
      FROM "public"."article" AS "_8"
      WHERE ("_8"."title" SIMILAR TO ($5)::"pg_catalog"."text")
      ORDER BY "_8"."id" ASC NULLS LAST
    ) AS "_9"
    ORDER BY "_9"."id" ASC NULLS LAST
  ) AS "similar",
  ARRAY(
    SELECT row("_11"."id")
    FROM (
      SELECT "_10".*
      FROM "public"."article" AS "_10"
      WHERE ("_10"."title" NOT SIMILAR TO ($6)::"pg_catalog"."text")
      ORDER BY "_10"."id" ASC NULLS LAST
    ) AS "_11"
    ORDER BY "_11"."id" ASC NULLS LAST
  ) AS "nsimilar",
  ARRAY(
    SELECT row("_13"."id")
    FROM (
      SELECT "_12".*
      FROM "public"."article" AS "_12"
      WHERE ("_12"."title" ~ ($7)::"pg_catalog"."text")
    ) AS "_13"
  ) AS "regex",
  ARRAY(
    SELECT row("_15"."id")
    FROM (
      SELECT "_14".*
      FROM "public"."article" AS "_14"
      WHERE ("_14"."title" !~ ($8)::"pg_catalog"."text")
    ) AS "_15"
  ) AS "nregex",
  ARRAY(
    SELECT row("_17"."id")
    FROM (
      SELECT "_16".*
      FROM "public"."article" AS "_16"
      WHERE ("_16"."title" ~* ($9)::"pg_catalog"."text")
    ) AS "_17"
  ) AS "iregex",
  ARRAY(
    SELECT row("_19"."id")
    FROM (
      SELECT "_18".*
      FROM "public"."article" AS "_18"
      WHERE ("_18"."title" !~* ($10)::"pg_catalog"."text")
    ) AS "_19"
  ) AS "niregex",
  ARRAY(
    SELECT row("_21"."title")
    FROM (
      SELECT "_20".*
      FROM "public"."article" AS "_20"
      WHERE ("_20"."title" LIKE ($11)::"pg_catalog"."text")
    ) AS "_21"
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
