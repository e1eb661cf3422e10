SELECT
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_2"
      FROM (
        SELECT "_1"."id" AS "id"
      ) AS "_2"
    )) ORDER BY "_1"."rating" ASC NULLS LAST, "_1"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_0".*
      FROM "public"."author" AS "_0"
      ORDER BY "_0"."rating" ASC NULLS LAST, "_0"."id" ASC NULLS LAST
    ) AS "_1"
  ) AS "asc",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_5"
      FROM (
        SELECT "_4"."id" AS "id"
      ) AS "_5"
    )) ORDER BY "_4"."rating" ASC NULLS FIRST, "_4"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_3".*
      FROM "public"."author" AS "_3"
      ORDER BY "_3"."rating" ASC NULLS FIRST, "_3"."id" ASC NULLS LAST
    ) AS "_4"
  ) AS "asc_nulls_first",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_8"
      FROM (
        SELECT "_7"."id" AS "id"
      ) AS "_8"
    )) ORDER BY "_7"."rating" ASC NULLS LAST, "_7"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_6".*
      FROM "public"."author" AS "_6"
      ORDER BY "_6"."rating" ASC NULLS LAST, "_6"."id" ASC NULLS LAST
    ) AS "_7"
  ) AS "asc_nulls_last",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_11"
      FROM (
        SELECT "_10"."id" AS "id"
      ) AS "_11"
    )) ORDER BY "_10"."rating" DESC NULLS FIRST, "_10"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_9".*
      FROM "public"."author" AS "_9"
      ORDER BY "_9"."rating" DESC NULLS FIRST, "_9"."id" ASC NULLS LAST
    ) AS "_10"
  ) AS "desc",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_14"
      FROM (
        SELECT "_13"."id" AS "id"
      ) AS "_14"
    )) ORDER BY "_13"."rating" DESC NULLS FIRST, "_13"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_12".*
      FROM "public"."author" AS "_12"
      ORDER BY "_12"."rating" DESC NULLS FIRST, "_12"."id" ASC NULLS LAST
    ) AS "_13"
  ) AS "desc_nulls_first",
  (
    SELECT coalesce(json_agg(row_to_json((
      SELECT "_17"
      FROM (
        SELECT "_16"."id" AS "id"
      ) AS "_17"
    )) ORDER BY "_16"."rating" DESC NULLS LAST, "_16"."id" ASC NULLS LAST), '[]')
    FROM (
      SELECT "_15".*
      FROM "public"."author" AS "_15"
      ORDER BY "_15"."rating" DESC NULLS LAST, "_15"."id" ASC NULLS LAST
    ) AS "_16"
  ) AS "desc_nulls_last"
-- params:
-- fields:
asc: column 0
asc_nulls_first: column 1
asc_nulls_last: column 2
desc: column 3
desc_nulls_first: column 4
desc_nulls_last: column 5
