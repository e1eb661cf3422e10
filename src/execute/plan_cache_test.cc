// The plan cache against the planner itself: every planner golden case (tests/planner/cases)
// is learnt from, then asked for with the same values and with other values of its scalar
// variables and session variables. Whatever the cache answers must be exactly what planning
// the request in full gives (same SQL, same parameters); where the full planning fails, the
// cache must not answer.
#include "execute/plan_cache.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>
#include <stdexcept>

#include "graphql/parser.h"
#include "graphql/validation.h"
#include "planner/test_support.h"

namespace graft::execute {
namespace {

namespace bj = boost::json;
using planner::testing::Case;

const std::shared_ptr<const schema::RoleSchema>& fixture() {
  static const std::shared_ptr<const schema::RoleSchema> schema = [] {
    auto catalog = planner::testing::fixtureCatalog();
    if (!catalog) throw std::runtime_error(catalog.error().message());
    auto built = planner::testing::fixtureSchema(*catalog);
    if (!built) throw std::runtime_error(built.error().message());
    return *built;
  }();
  return schema;
}

std::shared_ptr<const schema::RoleSchema> schemaFor(const std::string& role) {
  if (role == fixture()->role()) return fixture();
  auto built = schema::buildRoleSchema(fixture()->sharedResolved(), role);
  if (!built) throw std::runtime_error(built.error().message());
  return *built;
}

Result<Planned> planInFull(const Case& test_case) {
  planner::testing::Planned planned = planner::testing::planCase(*fixture(), test_case);
  if (!planned.plan) return std::unexpected(*planned.error);
  Planned out;
  for (const planner::RootFieldPlan& field : planned.plan->fields) {
    out.response_keys.push_back(field.response_key);
  }
  out.mutation = !planned.plan->mutations.empty();
  out.plans.push_back(std::move(*planned.plan));
  return out;
}

// The statements' SQL and parameters, comparable and printable.
std::string describe(const Planned& planned) {
  std::string out;
  auto statement = [&out](const pg::Statement& s) {
    out += s.sql + "\n";
    for (const auto& param : s.params) out += "  " + param.value_or("NULL") + "\n";
  };
  for (const planner::Plan& plan : planned.plans) {
    for (const auto& field : plan.fields) out += field.response_key + " " + field.value + "\n";
    if (plan.statement) statement(*plan.statement);
    for (const auto& mutation : plan.mutations) statement(mutation.statement);
  }
  return out;
}

// The case with every integer variable incremented, every string variable suffixed and every
// session variable changed.
Case changed(Case test_case) {
  for (auto& [name, value] : test_case.variables) {
    if (value.is_int64()) value = value.as_int64() + 1;
    if (value.is_string()) value = std::string(value.as_string()) + "z";
  }
  for (auto& [name, value] : test_case.session.variables) value += "7";
  return test_case;
}

class PlanCacheTest : public ::testing::TestWithParam<std::string> {};

TEST_P(PlanCacheTest, AnswersExactlyWhatFullPlanningGives) {
  auto read = planner::testing::readCase(GetParam());
  ASSERT_TRUE(read.has_value()) << read.error().message();
  const Case& test_case = *read;
  auto first = planInFull(test_case);
  if (!first) return;  // an error case: nothing to cache
  std::shared_ptr<const schema::RoleSchema> schema = schemaFor(test_case.session.role);

  graphql::Arena arena;
  auto document = graphql::parseExecutable(test_case.query, arena);
  ASSERT_TRUE(document.has_value());
  auto operation = graphql::selectOperation(**document, "");
  ASSERT_TRUE(operation.has_value());
  auto coerced = graphql::coerceVariableValues(schema->schema(), **operation, test_case.variables);
  ASSERT_TRUE(coerced.has_value());

  PlanCache cache;
  const std::string key =
      PlanCache::keyOf(test_case.session, test_case.query, "", test_case.variables);
  bool learn = true;
  EXPECT_FALSE(cache.find(key, schema, test_case.session, test_case.variables, learn));
  EXPECT_FALSE(learn) << "a request seen once is not learnt from";
  EXPECT_FALSE(cache.find(key, schema, test_case.session, test_case.variables, learn));
  EXPECT_TRUE(learn) << "the second time it is";
  auto replan = [&](const bj::object& variables, const Session& session) {
    Case probe = test_case;
    probe.variables = variables;
    probe.session = session;
    return planInFull(probe);
  };
  cache.learn(key, schema, std::move(arena), **operation, test_case.session, test_case.variables,
              *coerced, *first, replan);
  EXPECT_EQ(cache.size(), 1u);

  auto again = cache.find(key, schema, test_case.session, test_case.variables, learn);
  EXPECT_FALSE(learn) << "known now, cacheable or not";
  if (again) {
    EXPECT_EQ(describe(*again), describe(*first));
  }

  Case other = changed(test_case);
  auto full = planInFull(other);
  auto cached = cache.find(PlanCache::keyOf(other.session, other.query, "", other.variables),
                           schema, other.session, other.variables, learn);
  if (!full) {
    EXPECT_FALSE(cached) << "planning in full fails: " << full.error().message();
  } else if (cached) {
    EXPECT_EQ(describe(*cached), describe(*full));
  }
  // Cases whose values are all parameters must be served; `variables` has a `limit: $limit`,
  // which shapes the SQL, so only the same limit is.
  static const std::set<std::string> kServedWithOtherValues = {
      "request_values_are_parameters", "permission_row_filter", "mutation_insert_one",
      "permission_insert_preset_and_check", "permission_update_and_delete_filters"};
  if (kServedWithOtherValues.contains(GetParam())) {
    EXPECT_TRUE(cached) << "values that are parameters should not need planning again";
  }
  if (GetParam() == "variables") {
    EXPECT_TRUE(again);
  }
  // A stale schema (after a metadata change) is never served.
  auto rebuilt = schema::buildRoleSchema(fixture()->sharedResolved(), test_case.session.role);
  ASSERT_TRUE(rebuilt.has_value());
  EXPECT_FALSE(cache.find(key, *rebuilt, test_case.session, test_case.variables, learn));
  EXPECT_TRUE(learn);
  // Cleared after a change: the plans and the schema they held go; the key stays seen, so
  // its next request is learnt from at once.
  long holders = schema.use_count();
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(schema.use_count(), holders - 1) << "the cached plan let its schema go";
  EXPECT_FALSE(cache.find(key, *rebuilt, test_case.session, test_case.variables, learn));
  EXPECT_TRUE(learn);
}

INSTANTIATE_TEST_SUITE_P(Cases, PlanCacheTest, ::testing::ValuesIn(planner::testing::caseNames()),
                         [](const auto& info) { return info.param; });

TEST(PlanCacheKeyTest, SeparatesRolesOperationsAndKindsOfValues) {
  Session admin;
  Session user;
  user.role = "user";
  bj::object number{{"id", 1}};
  bj::object text{{"id", "1"}};
  EXPECT_EQ(PlanCache::keyOf(admin, "q", "", number),
            PlanCache::keyOf(admin, "q", "", bj::object{{"id", 2}}));
  EXPECT_NE(PlanCache::keyOf(admin, "q", "", number), PlanCache::keyOf(user, "q", "", number));
  EXPECT_NE(PlanCache::keyOf(admin, "q", "", number), PlanCache::keyOf(admin, "q", "A", number));
  EXPECT_NE(PlanCache::keyOf(admin, "q", "", number), PlanCache::keyOf(admin, "q", "", text));
  EXPECT_NE(PlanCache::keyOf(admin, "q", "", bj::object{{"b", true}}),
            PlanCache::keyOf(admin, "q", "", bj::object{{"b", false}}));
}

}  // namespace
}  // namespace graft::execute
