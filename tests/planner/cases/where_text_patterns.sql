SELECT
  ARRAY(
    SELECT row("_0"."id")
    FROM "public"."article" AS "_0"
    WHERE ("_0"."title" LIKE ($1)::"pg_catalog"."text")
  ) AS "like",
  ARRAY(
    SELECT row("_1"."id")
    FROM "public"."article" AS "_1"
    WHERE ("_1"."title" NOT LIKE ($2)::"pg_catalog"."text")
    ORDER BY "_1"."id" ASC NULLS LAST
  ) AS "nlike",
  ARRAY(
    SELECT row("_2"."id")
    FROM "public"."article" AS "_2"
    WHERE ("_2"."title" ILIKE ($3)::"pg_catalog"."text")
  ) AS "ilike",
  ARRAY(
    SELECT row("_3"."id")
    FROM "public"."article" AS "_3"
    WHERE ("_3"."title" NOT ILIKE ($4)::"pg_catalog"."text")
    ORDER BY "_3"."id" ASC NULLS LAST
  ) AS "nilike",
  ARRAY(
    SELECT row("_4"."id")
    FROM "public"."article" AS "_4"
    WHERE ("_4"."title" SIMILAR TO ($5)::"pg_catalog"."text")
    ORDER BY "_4"."id" ASC NULLS LAST
  ) AS "similar",
  ARRAY(
    SELECT row("_5"."id")
    FROM "public"."article" AS "_5"
    WHERE ("_5"."title" NOT SIMILAR TO ($6)::"pg_catalog"."text")
    ORDER BY "_5"."id" ASC NULLS LAST
  ) AS "nsimilar",
  ARRAY(
    SELECT row("_6"."id")
    FROM "public"."article" AS "_6"
    WHERE ("_6"."title" ~ ($7)::"pg_catalog"."text")
  ) AS "regex",
  ARRAY(
    SELECT row("_7"."id")
    FROM "public"."article" AS "_7"
    WHERE ("_7"."title" !~ ($8)::"pg_catalog"."text")
  ) AS "nregex",
  ARRAY(
    SELECT row("_8"."id")
    FROM "public"."article" AS "_8"
    WHERE ("_8"."title" ~* ($9)::"pg_catalog"."text")
  ) AS "iregex",
  ARRAY(
    SELECT row("_9"."id")
    FROM "public"."article" AS "_9"
    WHERE ("_9"."title" !~* ($10)::"pg_catalog"."text")
  ) AS "niregex",
  ARRAY(
    SELECT row("_10"."title")
    FROM "public"."article" AS "_10"
    WHERE ("_10"."title" LIKE ($11)::"pg_catalog"."text")
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
