// Golden tests of the planner: every case of tests/planner/cases (<name>.graphql) planned
// against the fixture catalog and metadata, compared with <name>.sql. GRAFT_UPDATE_GOLDEN=1
// rewrites the .sql files; review the diff before committing it.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>

#include "planner/params.h"
#include "planner/test_support.h"

namespace graft::planner::testing {
namespace {

const schema::RoleSchema& fixture() {
  static const std::shared_ptr<const schema::RoleSchema> schema = [] {
    auto catalog = fixtureCatalog();
    if (!catalog) throw std::runtime_error(catalog.error().message());
    auto built = fixtureSchema(*catalog);
    if (!built) throw std::runtime_error(built.error().message());
    return *built;
  }();
  return *schema;
}

Planned plan(const std::string& query, boost::json::object variables = {}) {
  return planCase(fixture(), Case{"inline", query, std::move(variables), {}});
}

class PlannerGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(PlannerGoldenTest, MatchesExpectedSql) {
  auto test_case = readCase(GetParam());
  ASSERT_TRUE(test_case.has_value()) << test_case.error().message();
  Planned planned = planCase(fixture(), *test_case);
  expectGolden(casePath(GetParam(), ".sql"), goldenText(planned));

  // The compact text sent to Postgres uses exactly the slots $1..$n that the params fill.
  std::vector<const pg::Statement*> statements;
  if (planned.plan && planned.plan->statement) statements.push_back(&*planned.plan->statement);
  if (planned.plan) {
    for (const MutationStatement& mutation : planned.plan->mutations) {
      statements.push_back(&mutation.statement);
    }
  }
  for (const pg::Statement* one : statements) {
    const pg::Statement& statement = *one;
    std::set<size_t> used;
    static const std::regex kSlot(R"(\$([0-9]+))");
    for (auto it = std::sregex_iterator(statement.sql.begin(), statement.sql.end(), kSlot);
         it != std::sregex_iterator(); ++it) {
      used.insert(std::stoul((*it)[1].str()));
    }
    EXPECT_EQ(used.size(), statement.params.size()) << statement.sql;
    if (!used.empty()) {
      EXPECT_EQ(*used.begin(), 1u);
      EXPECT_EQ(*used.rbegin(), statement.params.size());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, PlannerGoldenTest, ::testing::ValuesIn(caseNames()),
                         [](const auto& info) { return info.param; });

TEST(PlannerGoldenFilesTest, EveryExpectedFileHasItsCase) {
  std::set<std::string> cases;
  for (const std::string& name : caseNames()) cases.insert(name);
  ASSERT_FALSE(cases.empty()) << "no cases under " << (testdataDir() / "cases").string();
  for (const auto& entry : std::filesystem::directory_iterator(testdataDir() / "cases")) {
    if (entry.path().extension() == ".graphql") continue;
    EXPECT_TRUE(cases.contains(entry.path().stem().string()))
        << entry.path().string() << " has no .graphql case";
  }
}

// What a request says must reach Postgres as parameters only: not in the SQL text, whatever
// its quotes, backslashes or comment markers.
TEST(PlannerSecurityTest, RequestValuesNeverReachTheSqlText) {
  const std::string evil = R"(x'); DROP TABLE author; -- \" $1 /*)";
  Planned planned = plan(R"(query ($s: String!, $j: jsonb, $k: [String!], $t: _text) {
                author(where: {_or: [{name: {_eq: $s}}, {name: {_ilike: $s}},
                                     {profile: {_contains: $j}}, {profile: {_has_key: $s}},
                                     {profile: {_has_keys_any: $k}}, {tags: {_eq: $t}}]}) { id }
                article(where: {title: {_in: [$s, "lit'eral"]}}) { id }
              })",
                         {{"s", evil},
                          {"j", boost::json::object{{"k", evil}}},
                          {"k", boost::json::array{evil, evil}},
                          {"t", boost::json::array{evil}}});
  ASSERT_TRUE(planned.plan.has_value()) << planned.error->message();
  const pg::Statement& statement = *planned.plan->statement;
  EXPECT_EQ(statement.sql.find("DROP"), std::string::npos) << statement.sql;
  EXPECT_EQ(statement.sql.find("lit"), std::string::npos) << statement.sql;
  bool bound = false;
  for (const auto& param : statement.params) bound = bound || param == evil;
  EXPECT_TRUE(bound);
}

TEST(PlannerErrorTest, DistinctOnMustLeadTheOrderBy) {
  Planned planned = plan("{ article(distinct_on: [author_id], order_by: {id: asc}) { id } }");
  ASSERT_TRUE(planned.error.has_value());
  EXPECT_EQ(planned.stage, "plan");
  EXPECT_EQ(planned.error->code(), "validation-failed");
  EXPECT_EQ(planned.error->path(), "$.selectionSet.article.args");
  EXPECT_EQ(planned.error->message(),
            "\"distinct_on\" columns must match initial \"order_by\" columns");
}

TEST(PlannerErrorTest, NegativeLimitIsNotSupported) {
  Planned planned = plan("{ article(limit: -1) { id } }");
  ASSERT_TRUE(planned.error.has_value());
  EXPECT_EQ(planned.error->code(), "not-supported");
  EXPECT_EQ(planned.error->path(), "$.selectionSet.article.args.limit");
  EXPECT_EQ(planned.error->message(), "unexpected negative value");
}

TEST(PlannerErrorTest, NullComparisonValueIsRefused) {
  Planned planned = plan("query ($v: Int) { article(where: {id: {_eq: $v}}) { id } }");
  ASSERT_TRUE(planned.error.has_value());
  EXPECT_EQ(planned.error->path(), "$.selectionSet.article.args.where.id._eq");
}

// Regression: the elements were read from a destroyed temporary, so a string longer than the
// small-string buffer reached Postgres as heap garbage.
TEST(ParamsTest, ArrayLiteralKeepsEveryElement) {
  boost::json::array items{"a string well beyond the small-string buffer", "with \"quotes\"",
                           nullptr, 42, boost::json::array{"x", "y"}};
  EXPECT_EQ(arrayLiteral(items),
            R"({"a string well beyond the small-string buffer","with \"quotes\"",NULL,"42",)"
            R"({"x","y"}})");
}

TEST(PrettyJsonTest, KeepsNumbersAndStringsAsWritten) {
  EXPECT_EQ(prettyJson(R"({"a" : 1.50, "b":[], "c":{"d":"x\"y,z:"}, "e":[1,{}]})"),
            "{\n  \"a\": 1.50,\n  \"b\": [],\n  \"c\": {\n    \"d\": \"x\\\"y,z:\"\n  },\n"
            "  \"e\": [\n    1,\n    {}\n  ]\n}\n");
}

}  // namespace
}  // namespace graft::planner::testing
