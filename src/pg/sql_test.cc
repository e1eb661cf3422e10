#include "pg/sql.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace graft::pg::sql {
namespace {

// ---- Column references and quoting.

TEST(SqlExprTest, ColumnReferences) {
  EXPECT_EQ(toSql(col("id")), R"("id")");
  EXPECT_EQ(toSql(col("_0", "id")), R"("_0"."id")");
  EXPECT_EQ(toSql(col("public", "author", "id")), R"("public"."author"."id")");
  EXPECT_EQ(toSql(star()), "*");
  EXPECT_EQ(toSql(star("_0")), R"("_0".*)");
  EXPECT_EQ(toSql(wholeRow("_e")), R"("_e")");
}

TEST(SqlExprTest, IdentifiersAreAlwaysQuoted) {
  EXPECT_EQ(toSql(col("Author", "createdAt")), R"("Author"."createdAt")");
  EXPECT_EQ(toSql(col("my table", "first name")), R"("my table"."first name")");
  EXPECT_EQ(toSql(col("select", "from")), R"("select"."from")");
  EXPECT_EQ(toSql(col("a\"b", "x\"; DROP TABLE t; --")), R"("a""b"."x""; DROP TABLE t; --")");
  EXPECT_EQ(toSql(star("we\"ird")), R"("we""ird".*)");
}

// ---- Parameters, constants, literals, casts.

TEST(SqlExprTest, Params) {
  EXPECT_EQ(toSql(param(1)), "$1");
  EXPECT_EQ(toSql(param(3, "integer")), "($3)::integer");
  EXPECT_EQ(toSql(param(12, "character varying(20)")), "($12)::character varying(20)");
  EXPECT_EQ(toSql(param(2, "timestamp with time zone")), "($2)::timestamp with time zone");
  EXPECT_EQ(toSql(param(4, "public.my_enum")), "($4)::public.my_enum");
  EXPECT_EQ(toSql(param(5, "integer[]")), "($5)::integer[]");
}

TEST(SqlExprTest, Constants) {
  EXPECT_EQ(toSql(null()), "NULL");
  EXPECT_EQ(toSql(true_()), "TRUE");
  EXPECT_EQ(toSql(false_()), "FALSE");
  EXPECT_EQ(toSql(boolean(true)), "TRUE");
  EXPECT_EQ(toSql(boolean(false)), "FALSE");
  EXPECT_EQ(toSql(integer(0)), "0");
  EXPECT_EQ(toSql(integer(10)), "10");
  EXPECT_EQ(toSql(integer(-5)), "(-5)");
  EXPECT_EQ(toSql(integer(std::numeric_limits<int64_t>::max())), "9223372036854775807");
  EXPECT_EQ(toSql(integer(std::numeric_limits<int64_t>::min())), "(-9223372036854775808)");
  EXPECT_EQ(toSql(str("[]")), "'[]'");
  EXPECT_EQ(toSql(str("")), "''");
}

TEST(SqlLiteralTest, DoublesSingleQuotes) {
  EXPECT_EQ(quoteLiteral("it's"), "'it''s'");
  EXPECT_EQ(quoteLiteral("''"), "''''''");
  EXPECT_EQ(quoteLiteral("x'; DROP TABLE t; --"), "'x''; DROP TABLE t; --'");
  EXPECT_EQ(quoteLiteral("\"double\" and $1 and ?"), "'\"double\" and $1 and ?'");
  EXPECT_EQ(quoteLiteral("ünïcödé"), "'ünïcödé'");
}

// 'a\' would end the literal early with standard_conforming_strings off; E'a\\' reads the same
// under either setting.
TEST(SqlLiteralTest, BackslashMakesAnEscapeString) {
  EXPECT_EQ(quoteLiteral("a\\b"), "E'a\\\\b'");
  EXPECT_EQ(quoteLiteral("a\\"), "E'a\\\\'");
  EXPECT_EQ(quoteLiteral("\\'; x"), "E'\\\\''; x'");
}

TEST(SqlLiteralTest, DropsNulBytes) {
  EXPECT_EQ(quoteLiteral(std::string_view("a\0b", 3)), "'ab'");
  EXPECT_EQ(toSql(str(std::string("a\0'", 3))), "'a'''");
}

TEST(SqlExprTest, Cast) {
  EXPECT_EQ(toSql(cast(col("_0", "id"), "text")), R"(("_0"."id")::text)");
  EXPECT_EQ(toSql(cast(str("[]"), "json")), "('[]')::json");
  EXPECT_EQ(toSql(cast(cast(param(1), "text"), "integer")), "(($1)::text)::integer");
  EXPECT_EQ(toSql(cast(op(BinaryOp::kConcat, col("a"), col("b")), "jsonb")),
            R"((("a" || "b"))::jsonb)");
}

// ---- Function calls.

TEST(SqlExprTest, FunctionCalls) {
  EXPECT_EQ(toSql(call("now")), "now()");
  EXPECT_EQ(toSql(call("coalesce", {call("json_agg", {wholeRow("root")}), str("[]")})),
            R"(coalesce(json_agg("root"), '[]'))");
  EXPECT_EQ(toSql(call("json_build_object",
                       {str("id"), col("_0", "id"), str("name"), col("_0", "name")})),
            R"(json_build_object('id', "_0"."id", 'name', "_0"."name"))");
  EXPECT_EQ(toSql(callStar("count")), "count(*)");
}

TEST(SqlExprTest, AggregateDistinctOrderAndFilter) {
  FuncCall agg;
  agg.name = "json_agg";
  agg.args.push_back(wholeRow("root"));
  agg.order_by.push_back(asc(col("root.pg.id")));
  EXPECT_EQ(toSql(call(agg)), R"(json_agg("root" ORDER BY "root.pg.id" ASC))");

  FuncCall ordered = agg;
  ordered.order_by.push_back(desc(col("x"), Nulls::kLast));
  EXPECT_EQ(toSql(call(ordered)),
            R"(json_agg("root" ORDER BY "root.pg.id" ASC, "x" DESC NULLS LAST))");

  FuncCall distinct;
  distinct.name = "count";
  distinct.args.push_back(col("_0", "author_id"));
  distinct.distinct = true;
  EXPECT_EQ(toSql(call(distinct)), R"(count(DISTINCT "_0"."author_id"))");

  FuncCall filtered;
  filtered.name = "count";
  filtered.star = true;
  filtered.filter = op(BinaryOp::kGt, col("_0", "likes"), param(2, "integer"));
  EXPECT_EQ(toSql(call(filtered)), R"(count(*) FILTER (WHERE ("_0"."likes" > ($2)::integer)))");
}

TEST(SqlExprTest, FunctionNames) {
  FuncCall user;
  user.name = "Full Name";
  user.schema = "public";
  user.args.push_back(wholeRow("_0"));
  EXPECT_EQ(toSql(call(user)), R"("public"."Full Name"("_0"))");
  // Only plain lower-case names are printed bare; anything else cannot leave the call.
  EXPECT_EQ(toSql(call("stddev_samp", {col("x")})), R"(stddev_samp("x"))");
  EXPECT_EQ(toSql(call("count(*); DROP TABLE t; --")), R"("count(*); DROP TABLE t; --"())");
  EXPECT_EQ(toSql(call("JSON_AGG")), R"("JSON_AGG"())");
  EXPECT_EQ(toSql(call("1x")), R"("1x"())");
}

// ---- Operators.

TEST(SqlExprTest, EveryBinaryOperator) {
  const std::vector<std::pair<BinaryOp, std::string>> cases = {
      {BinaryOp::kEq, "="},
      {BinaryOp::kNe, "<>"},
      {BinaryOp::kLt, "<"},
      {BinaryOp::kLe, "<="},
      {BinaryOp::kGt, ">"},
      {BinaryOp::kGe, ">="},
      {BinaryOp::kLike, "LIKE"},
      {BinaryOp::kNotLike, "NOT LIKE"},
      {BinaryOp::kIlike, "ILIKE"},
      {BinaryOp::kNotIlike, "NOT ILIKE"},
      {BinaryOp::kSimilarTo, "SIMILAR TO"},
      {BinaryOp::kNotSimilarTo, "NOT SIMILAR TO"},
      {BinaryOp::kRegexMatch, "~"},
      {BinaryOp::kRegexIMatch, "~*"},
      {BinaryOp::kNotRegexMatch, "!~"},
      {BinaryOp::kNotRegexIMatch, "!~*"},
      {BinaryOp::kContains, "@>"},
      {BinaryOp::kContainedIn, "<@"},
      {BinaryOp::kHasKey, "?"},
      {BinaryOp::kHasAnyKeys, "?|"},
      {BinaryOp::kHasAllKeys, "?&"},
      {BinaryOp::kConcat, "||"},
      {BinaryOp::kIsDistinctFrom, "IS DISTINCT FROM"},
      {BinaryOp::kIsNotDistinctFrom, "IS NOT DISTINCT FROM"},
      {BinaryOp::kPlus, "+"},
      {BinaryOp::kAt, "@"},
      {BinaryOp::kMinus, "-"},
      {BinaryOp::kDeletePath, "#-"},
      {BinaryOp::kExtractPath, "#>"},
      {BinaryOp::kTimes, "*"},
  };
  ASSERT_EQ(cases.size(), static_cast<size_t>(BinaryOp::kTimes) + 1);
  for (const auto& [binary_op, text] : cases) {
    EXPECT_EQ(binaryOpText(binary_op), text);
    EXPECT_EQ(toSql(op(binary_op, col("t", "x"), param(1, "text"))),
              R"(("t"."x" )" + text + " ($1)::text)");
  }
}

TEST(SqlExprTest, JsonbDeleteOperators) {
  EXPECT_EQ(toSql(op(BinaryOp::kMinus, col("t", "j"), param(1, "text"))),
            R"(("t"."j" - ($1)::text))");
  EXPECT_EQ(toSql(op(BinaryOp::kDeletePath, col("t", "j"), param(2, "text[]"))),
            R"(("t"."j" #- ($2)::text[]))");
}

TEST(SqlExprTest, AnyAndAll) {
  EXPECT_EQ(toSql(opAny(BinaryOp::kEq, col("a", "x"), param(1, "integer[]"))),
            R"(("a"."x" = ANY(($1)::integer[])))");
  EXPECT_EQ(toSql(opAll(BinaryOp::kNe, col("a", "x"), param(2, "text[]"))),
            R"(("a"."x" <> ALL(($2)::text[])))");
  EXPECT_EQ(toSql(opAny(BinaryOp::kIlike, col("a", "name"), param(3, "text[]"))),
            R"(("a"."name" ILIKE ANY(($3)::text[])))");
}

TEST(SqlExprTest, AndOrOfZeroOneAndMany) {
  EXPECT_EQ(toSql(and_({})), "TRUE");
  EXPECT_EQ(toSql(or_({})), "FALSE");
  EXPECT_EQ(toSql(and_({col("a")})), R"("a")");
  EXPECT_EQ(toSql(or_({op(BinaryOp::kEq, col("a"), param(1))})), R"(("a" = $1))");
  EXPECT_EQ(toSql(and_({col("a"), col("b"), col("c")})), R"(("a" AND "b" AND "c"))");
  EXPECT_EQ(toSql(or_({col("a"), col("b")})), R"(("a" OR "b"))");
}

TEST(SqlExprTest, NotAndNullTests) {
  EXPECT_EQ(toSql(not_(col("ok"))), R"((NOT "ok"))");
  EXPECT_EQ(toSql(isNull(col("_0", "deleted_at"))), R"(("_0"."deleted_at" IS NULL))");
  EXPECT_EQ(toSql(isNotNull(col("_0", "deleted_at"))), R"(("_0"."deleted_at" IS NOT NULL))");
  EXPECT_EQ(toSql(isNull(op(BinaryOp::kConcat, col("a"), col("b")))), R"((("a" || "b") IS NULL))");
}

// Every compound node wraps itself, so the tree's shape is the printed shape whatever the
// operators' precedence in Postgres.
TEST(SqlExprTest, ParenthesesFollowTheTree) {
  Expr a = op(BinaryOp::kEq, col("a"), param(1));
  Expr b = op(BinaryOp::kEq, col("b"), param(2));
  Expr c = op(BinaryOp::kEq, col("c"), param(3));
  EXPECT_EQ(toSql(and_({or_({a, b}), c})), R"(((("a" = $1) OR ("b" = $2)) AND ("c" = $3)))");
  EXPECT_EQ(toSql(or_({a, and_({b, c})})), R"((("a" = $1) OR (("b" = $2) AND ("c" = $3))))");
  EXPECT_EQ(toSql(not_(and_({a, b}))), R"((NOT (("a" = $1) AND ("b" = $2))))");
  EXPECT_EQ(toSql(not_(not_(col("x")))), R"((NOT (NOT "x")))");
  EXPECT_EQ(toSql(op(BinaryOp::kEq, op(BinaryOp::kEq, col("x"), col("y")), false_())),
            R"((("x" = "y") = FALSE))");
  EXPECT_EQ(toSql(op(BinaryOp::kIsDistinctFrom, or_({col("p"), col("q")}), null())),
            R"((("p" OR "q") IS DISTINCT FROM NULL))");
  EXPECT_EQ(toSql(op(BinaryOp::kLt, integer(-1), col("x"))), R"(((-1) < "x"))");
}

TEST(SqlExprTest, ExistsAndScalarSubquery) {
  Select inner;
  inner.items.push_back({integer(1), std::nullopt});
  inner.from = table("public", "article", "_1");
  inner.where = op(BinaryOp::kEq, col("_1", "author_id"), col("_0", "id"));
  EXPECT_EQ(toSql(exists(inner)), R"(EXISTS (SELECT 1 FROM "public"."article" AS "_1" )"
                                  R"(WHERE ("_1"."author_id" = "_0"."id")))");
  EXPECT_EQ(toSql(not_(exists(inner))), R"((NOT EXISTS (SELECT 1 FROM "public"."article" AS "_1" )"
                                        R"(WHERE ("_1"."author_id" = "_0"."id"))))");

  Select count;
  count.items.push_back({callStar("count"), std::nullopt});
  count.from = table("public", "article");
  EXPECT_EQ(toSql(subquery(count)), R"((SELECT count(*) FROM "public"."article"))");
  EXPECT_EQ(toSql(op(BinaryOp::kGt, subquery(count), integer(3))),
            R"(((SELECT count(*) FROM "public"."article") > 3))");
}

TEST(SqlExprTest, Case) {
  EXPECT_EQ(toSql(case_({{isNull(col("x")), str("none")}})),
            R"(CASE WHEN ("x" IS NULL) THEN 'none' END)");
  EXPECT_EQ(toSql(case_({{isNull(col("x")), null()},
                         {op(BinaryOp::kGt, col("x"), integer(0)), str("positive")}},
                        str("other"))),
            R"(CASE WHEN ("x" IS NULL) THEN NULL WHEN ("x" > 0) THEN 'positive' ELSE 'other' END)");
}

// ---- Value semantics.

TEST(SqlExprTest, CopiesAreDeepAndMovesEmpty) {
  Expr original = and_({op(BinaryOp::kEq, col("a"), param(1)), isNull(col("b"))});
  Expr copy = original;
  EXPECT_EQ(toSql(copy), toSql(original));
  EXPECT_NE(&copy.node(), &original.node());

  Expr moved = std::move(original);
  EXPECT_TRUE(original.empty());  // NOLINT(bugprone-use-after-move): documented state.
  EXPECT_EQ(toSql(moved), toSql(copy));

  // Assigning a subtree to its own root copies before it frees.
  const auto* bool_op = copy.as<BoolOp>();
  ASSERT_NE(bool_op, nullptr);
  copy = bool_op->operands[1];
  EXPECT_EQ(toSql(copy), R"(("b" IS NULL))");

  EXPECT_EQ(copy.as<ColumnRef>(), nullptr);
  ASSERT_NE(copy.as<NullTest>(), nullptr);
  EXPECT_FALSE(copy.as<NullTest>()->negated);
}

TEST(SqlSelectTest, SelectCopiesAreDeep) {
  Select inner;
  inner.items.push_back({star(), std::nullopt});
  inner.from = table("public", "author");
  Select outer;
  outer.items.push_back({col("_0", "id"), "id"});
  outer.from = subselect(inner, "_0");
  Select copy = outer;
  outer.items.clear();
  EXPECT_EQ(toSql(copy),
            R"(SELECT "_0"."id" AS "id" FROM (SELECT * FROM "public"."author") AS "_0")");
}

// ---- Statements.

TEST(SqlSelectTest, EveryClause) {
  Select s;
  s.distinct_on = {col("_0", "author_id")};
  s.items.push_back({col("_0", "author_id"), "author_id"});
  s.items.push_back({callStar("count"), "n"});
  s.from = table("public", "article", "_0");
  s.joins.push_back(innerJoin(table("public", "author", "_1"),
                              op(BinaryOp::kEq, col("_1", "id"), col("_0", "author_id"))));
  s.where = and_(
      {isNotNull(col("_0", "title")), op(BinaryOp::kGe, col("_0", "likes"), param(1, "integer"))});
  s.group_by = {col("_0", "author_id"), col("_1", "name")};
  s.order_by = {asc(col("_0", "author_id")), desc(col("n"), Nulls::kFirst),
                asc(col("_1", "name"), Nulls::kLast)};
  s.limit = param(2, "integer");
  s.offset = integer(20);
  EXPECT_EQ(
      toSql(s),
      R"(SELECT DISTINCT ON ("_0"."author_id") "_0"."author_id" AS "author_id", count(*) AS "n" )"
      R"(FROM "public"."article" AS "_0" )"
      R"(INNER JOIN "public"."author" AS "_1" ON ("_1"."id" = "_0"."author_id") )"
      R"(WHERE (("_0"."title" IS NOT NULL) AND ("_0"."likes" >= ($1)::integer)) )"
      R"(GROUP BY "_0"."author_id", "_1"."name" )"
      R"(ORDER BY "_0"."author_id" ASC, "n" DESC NULLS FIRST, "_1"."name" ASC NULLS LAST )"
      R"(LIMIT ($2)::integer OFFSET 20)");
  EXPECT_EQ(toPrettySql(s),
            R"(SELECT DISTINCT ON ("_0"."author_id")
  "_0"."author_id" AS "author_id",
  count(*) AS "n"
FROM "public"."article" AS "_0"
INNER JOIN "public"."author" AS "_1" ON ("_1"."id" = "_0"."author_id")
WHERE (("_0"."title" IS NOT NULL) AND ("_0"."likes" >= ($1)::integer))
GROUP BY "_0"."author_id", "_1"."name"
ORDER BY "_0"."author_id" ASC, "n" DESC NULLS FIRST, "_1"."name" ASC NULLS LAST
LIMIT ($2)::integer
OFFSET 20)");
}

TEST(SqlSelectTest, MinimalStatements) {
  Select one;
  one.items.push_back({integer(1), std::nullopt});
  EXPECT_EQ(toSql(one), "SELECT 1");
  EXPECT_EQ(toPrettySql(one), "SELECT 1");

  Select all;
  all.items.push_back({star(), std::nullopt});
  all.from = table("My Schema", "Weird\"Table");
  EXPECT_EQ(toSql(all), R"(SELECT * FROM "My Schema"."Weird""Table")");

  // Postgres accepts an empty select list; printing one must not invent columns.
  Select none;
  none.from = table("public", "t");
  EXPECT_EQ(toSql(none), R"(SELECT FROM "public"."t")");
}

TEST(SqlSelectTest, UnionAll) {
  Select first;
  first.items.push_back({integer(1), std::nullopt});
  first.from = cte("a");
  Select second;
  second.items.push_back({integer(1), std::nullopt});
  second.from = cte("b");
  first.union_all.emplace_back(second);
  first.union_all.emplace_back(std::move(second));
  EXPECT_EQ(toSql(first),
            R"(SELECT 1 FROM "a" UNION ALL SELECT 1 FROM "b" UNION ALL SELECT 1 FROM "b")");
  EXPECT_EQ(toPrettySql(first),
            "SELECT 1\nFROM \"a\"\nUNION ALL\nSELECT 1\nFROM \"b\"\nUNION ALL\nSELECT 1\nFROM "
            "\"b\"");
}

TEST(SqlSelectTest, FromItemsAndJoins) {
  Select inner;
  inner.items.push_back({star(), std::nullopt});
  inner.from = table("public", "article");
  inner.where = op(BinaryOp::kEq, col("public", "article", "author_id"), col("_0", "id"));

  Select s;
  s.items.push_back({star(), std::nullopt});
  s.from = table("public", "author", "_0");
  s.joins.push_back(leftJoin(lateral(inner, "_1"), true_()));
  s.joins.push_back(innerJoin(subselect(inner, "_2"), false_()));
  s.joins.push_back(leftJoin(
      function("public", "search articles", {param(1, "text"), integer(5)}, "_3"), true_()));
  FromItem lateral_fn = function("public", "tags_of", {wholeRow("_0")}, "_4");
  lateral_fn.lateral = true;
  s.joins.push_back(innerJoin(std::move(lateral_fn), true_()));
  EXPECT_EQ(toSql(s),
            R"(SELECT * FROM "public"."author" AS "_0" )"
            R"(LEFT OUTER JOIN LATERAL (SELECT * FROM "public"."article" )"
            R"(WHERE ("public"."article"."author_id" = "_0"."id")) AS "_1" ON TRUE )"
            R"(INNER JOIN (SELECT * FROM "public"."article" )"
            R"(WHERE ("public"."article"."author_id" = "_0"."id")) AS "_2" ON FALSE )"
            R"(LEFT OUTER JOIN "public"."search articles"(($1)::text, 5) AS "_3" ON TRUE )"
            R"(INNER JOIN LATERAL "public"."tags_of"("_0") AS "_4" ON TRUE)");
}

// The shape Hasura gives `author(where: {id: {_eq: $1}}, limit: 10) { id articles { title } }`.
Select rowObject(std::vector<SelectItem> fields) {
  Select fields_select;
  fields_select.items = std::move(fields);
  Select row;
  row.items.push_back({wholeRow("_e"), std::nullopt});
  row.from = subselect(std::move(fields_select), "_e");
  return row;
}

Select hasuraAuthorsQuery() {
  Select authors;
  authors.items.push_back({star(), std::nullopt});
  authors.from = table("public", "author");
  authors.where = op(BinaryOp::kEq, col("public", "author", "id"), param(1, "integer"));
  authors.limit = integer(10);

  Select articles;
  articles.items.push_back({star(), std::nullopt});
  articles.from = table("public", "article");
  articles.where = op(BinaryOp::kEq, col("_0", "id"), col("public", "article", "author_id"));

  Select article_rows;
  article_rows.items.push_back(
      {call("row_to_json", {subquery(rowObject({{col("_2", "title"), "title"}}))}), "articles"});
  article_rows.from = subselect(std::move(articles), "_2");

  Select article_agg;
  article_agg.items.push_back(
      {call("coalesce", {call("json_agg", {wholeRow("articles")}), str("[]")}), "articles"});
  article_agg.from = subselect(std::move(article_rows), "_articles");

  Select author_rows;
  author_rows.items.push_back(
      {call("row_to_json",
            {subquery(rowObject({{col("_0", "id"), "id"}, {col("_1", "articles"), "articles"}}))}),
       "root"});
  author_rows.items.push_back({col("_0", "id"), "root.pg.id"});
  author_rows.from = subselect(std::move(authors), "_0");
  author_rows.joins.push_back(leftJoin(lateral(std::move(article_agg), "_1"), true_()));

  FuncCall agg;
  agg.name = "json_agg";
  agg.args.push_back(wholeRow("root"));
  agg.order_by.push_back(asc(col("root.pg.id")));
  Select root;
  root.items.push_back({call("coalesce", {call(std::move(agg)), str("[]")}), "root"});
  root.from = subselect(std::move(author_rows), "_root");
  return root;
}

TEST(SqlSelectTest, HasuraNestedQueryCompact) {
  EXPECT_EQ(toSql(hasuraAuthorsQuery()),
            R"(SELECT coalesce(json_agg("root" ORDER BY "root.pg.id" ASC), '[]') AS "root" FROM )"
            R"((SELECT row_to_json((SELECT "_e" FROM )"
            R"((SELECT "_0"."id" AS "id", "_1"."articles" AS "articles") AS "_e")) AS "root", )"
            R"("_0"."id" AS "root.pg.id" )"
            R"(FROM (SELECT * FROM "public"."author" )"
            R"(WHERE ("public"."author"."id" = ($1)::integer) LIMIT 10) AS "_0" )"
            R"(LEFT OUTER JOIN LATERAL )"
            R"((SELECT coalesce(json_agg("articles"), '[]') AS "articles" FROM )"
            R"((SELECT row_to_json((SELECT "_e" FROM (SELECT "_2"."title" AS "title") AS "_e")) )"
            R"(AS "articles" )"
            R"(FROM (SELECT * FROM "public"."article" )"
            R"(WHERE ("_0"."id" = "public"."article"."author_id")) AS "_2") AS "_articles") )"
            R"(AS "_1" ON TRUE) AS "_root")");
}

TEST(SqlSelectTest, HasuraNestedQueryPretty) {
  EXPECT_EQ(toPrettySql(hasuraAuthorsQuery()),
            R"(SELECT coalesce(json_agg("root" ORDER BY "root.pg.id" ASC), '[]') AS "root"
FROM (
  SELECT
    row_to_json((
      SELECT "_e"
      FROM (
        SELECT
          "_0"."id" AS "id",
          "_1"."articles" AS "articles"
      ) AS "_e"
    )) AS "root",
    "_0"."id" AS "root.pg.id"
  FROM (
    SELECT *
    FROM "public"."author"
    WHERE ("public"."author"."id" = ($1)::integer)
    LIMIT 10
  ) AS "_0"
  LEFT OUTER JOIN LATERAL (
    SELECT coalesce(json_agg("articles"), '[]') AS "articles"
    FROM (
      SELECT row_to_json((
        SELECT "_e"
        FROM (
          SELECT "_2"."title" AS "title"
        ) AS "_e"
      )) AS "articles"
      FROM (
        SELECT *
        FROM "public"."article"
        WHERE ("_0"."id" = "public"."article"."author_id")
      ) AS "_2"
    ) AS "_articles"
  ) AS "_1" ON TRUE
) AS "_root")");
}

// Pretty and compact differ only in whitespace: a line break after "(" or before ")" is
// nothing in compact form, any other line break one space.
std::string compactFromPretty(const std::string& pretty) {
  std::string out;
  for (size_t i = 0; i < pretty.size(); ++i) {
    if (pretty[i] != '\n') {
      out += pretty[i];
      continue;
    }
    size_t next = i + 1;
    while (next < pretty.size() && pretty[next] == ' ') ++next;
    bool after_open = !out.empty() && out.back() == '(';
    bool before_close = next < pretty.size() && pretty[next] == ')';
    if (!after_open && !before_close) out += ' ';
    i = next - 1;
  }
  return out;
}

TEST(SqlSelectTest, PrettyAndCompactPrintTheSameTokens) {
  Select query = hasuraAuthorsQuery();
  EXPECT_EQ(compactFromPretty(toPrettySql(query)), toSql(query));

  Select with_exists;
  with_exists.items.push_back({col("_0", "id"), "id"});
  with_exists.items.push_back({subquery(query), "nested"});
  with_exists.from = table("public", "author", "_0");
  with_exists.where = not_(exists(query));
  EXPECT_EQ(compactFromPretty(toPrettySql(with_exists)), toSql(with_exists));
}

TEST(SqlSelectTest, PrintingIsDeterministic) {
  Select query = hasuraAuthorsQuery();
  Select copy = query;
  EXPECT_EQ(toSql(query), toSql(hasuraAuthorsQuery()));
  EXPECT_EQ(toSql(copy), toSql(query));
  EXPECT_EQ(toPrettySql(copy), toPrettySql(query));
}

// ---- Data-modifying statements and WITH.

TEST(SqlDmlTest, InsertWithDefaultsAndOnConflict) {
  Insert insert{.table = {"public", "author"}, .columns = {"id", "name"}};
  std::vector<std::optional<Expr>> first;
  first.emplace_back(param(1, "integer"));
  first.emplace_back(param(2, "text"));
  std::vector<std::optional<Expr>> second;
  second.emplace_back(std::nullopt);
  second.emplace_back(param(3, "text"));
  insert.rows.push_back(std::move(first));
  insert.rows.push_back(std::move(second));
  EXPECT_EQ(toSql(insert),
            R"(INSERT INTO "public"."author" ("id", "name") VALUES (($1)::integer, ($2)::text), )"
            R"((DEFAULT, ($3)::text) RETURNING *)");

  insert.on_conflict = OnConflict{.constraint = "author_pkey"};
  EXPECT_EQ(toSql(insert).substr(toSql(insert).find(" ON")),
            R"( ON CONFLICT ON CONSTRAINT "author_pkey" DO NOTHING RETURNING *)");
  insert.on_conflict->update_columns = {"name", "we\"ird"};
  insert.on_conflict->where = op(BinaryOp::kGt, col("author", "id"), integer(0));
  EXPECT_EQ(toSql(insert).substr(toSql(insert).find(" ON")),
            R"( ON CONFLICT ON CONSTRAINT "author_pkey" DO UPDATE SET "name" = EXCLUDED."name", )"
            R"("we""ird" = EXCLUDED."we""ird" WHERE ("author"."id" > 0) RETURNING *)");
}

TEST(SqlDmlTest, InsertWithoutColumnsUsesDefaultValues) {
  Insert insert{.table = {"public", "t"}, .alias = "_0"};
  insert.rows.emplace_back();
  EXPECT_EQ(toSql(insert), R"(INSERT INTO "public"."t" AS "_0" DEFAULT VALUES RETURNING *)");
}

TEST(SqlDmlTest, UpdateAndDelete) {
  Update update{.table = {"public", "article"}};
  update.set.push_back({"title", param(1, "text")});
  update.set.push_back({"views", op(BinaryOp::kPlus, col("views"), param(2, "bigint"))});
  update.where = op(BinaryOp::kEq, col("id"), param(3, "integer"));
  EXPECT_EQ(toSql(update),
            R"(UPDATE "public"."article" SET "title" = ($1)::text, "views" = ("views" + )"
            R"(($2)::bigint) WHERE ("id" = ($3)::integer) RETURNING *)");
  // An assignment without a value sets the column's default.
  update.set.push_back({"published", std::nullopt});
  EXPECT_TRUE(toSql(update).contains(R"(, "published" = DEFAULT WHERE)"));

  Delete del{.table = {"public", "article"}, .alias = "_0"};
  EXPECT_EQ(toSql(del), R"(DELETE FROM "public"."article" AS "_0" RETURNING *)");
  del.where = isNull(col("_0", "body"));
  EXPECT_EQ(toSql(del),
            R"(DELETE FROM "public"."article" AS "_0" WHERE ("_0"."body" IS NULL) RETURNING *)");
}

TEST(SqlDmlTest, SelectOverDataModifyingCte) {
  Delete del{.table = {"public", "article"}};
  del.where = op(BinaryOp::kEq, col("id"), param(1, "integer"));
  Select count;
  count.items.push_back({callStar("count")});
  count.from = cte("_m");
  Select query;
  query.with.push_back({"_m", Box<Delete>(std::move(del))});
  Select other;
  other.items.push_back({integer(1)});
  query.with.push_back({"_o", Box<Select>(std::move(other))});
  query.items.push_back({subquery(std::move(count)), "n"});
  EXPECT_EQ(toSql(query),
            R"(WITH "_m" AS (DELETE FROM "public"."article" WHERE ("id" = ($1)::integer) )"
            R"(RETURNING *), "_o" AS (SELECT 1) SELECT (SELECT count(*) FROM "_m") AS "n")");
  EXPECT_EQ(toPrettySql(query),
            "WITH \"_m\" AS (\n"
            "  DELETE FROM \"public\".\"article\"\n"
            "  WHERE (\"id\" = ($1)::integer)\n"
            "  RETURNING *\n"
            "),\n"
            "\"_o\" AS (\n"
            "  SELECT 1\n"
            ")\n"
            "SELECT (\n"
            "  SELECT count(*)\n"
            "  FROM \"_m\"\n"
            ") AS \"n\"");
}

TEST(SqlDmlTest, InsertSelectFromValuesWithWindowFunction) {
  // The rows' positions in the CTE "_1", joined to a VALUES list by them.
  Select numbered;
  numbered.items.push_back({call(FuncCall{.name = "row_number", .over = Window{}})});
  numbered.items.push_back({col("_1", "id")});
  numbered.from = cte("_1");
  std::vector<std::vector<Expr>> rows;
  rows.push_back({integer(1), integer(2), param(1, "text")});
  rows.push_back({integer(2), integer(1), param(2, "text")});
  Select source;
  source.items.push_back({col("v", "t")});
  source.items.push_back({col("p", "k")});
  source.from = values(std::move(rows), "v", {"o", "p", "t"});
  FromItem parents = subselect(std::move(numbered), "p");
  parents.columns = {"o", "k"};
  source.joins.push_back(
      innerJoin(std::move(parents), op(BinaryOp::kEq, col("p", "o"), col("v", "p"))));
  source.order_by.push_back(asc(col("v", "o")));
  Insert insert{.table = {"public", "article"}, .columns = {"title", "author_id"}};
  insert.select = std::move(source);
  EXPECT_EQ(toSql(insert),
            R"(INSERT INTO "public"."article" ("title", "author_id") SELECT "v"."t", "p"."k" )"
            R"(FROM (VALUES (1, 2, ($1)::text), (2, 1, ($2)::text)) AS "v"("o", "p", "t") )"
            R"(INNER JOIN (SELECT row_number() OVER (), "_1"."id" FROM "_1") AS "p"("o", "k") )"
            R"(ON ("p"."o" = "v"."p") ORDER BY "v"."o" ASC RETURNING *)");
  Expr ranked = call(FuncCall{.name = "rank", .over = Window{.order_by = {desc(col("n"))}}});
  EXPECT_EQ(toSql(ranked), R"(rank() OVER (ORDER BY "n" DESC))");
}

}  // namespace
}  // namespace graft::pg::sql
