// The planner's cases against a real PostgreSQL: the fixture's tables and rows created in a
// throwaway cluster, its catalog introspected and the same metadata resolved over it. Each
// case must plan exactly as from fixture/catalog.json (<name>.sql), run, and answer
// <name>.json (GRAFT_UPDATE_GOLDEN=1 rewrites the .json files).
#include <gtest/gtest.h>

#include "pg/pool.h"
#include "pg/test_support.h"
#include "planner/test_support.h"

namespace graft::planner::testing {
namespace {

namespace asio = boost::asio;

asio::awaitable<Result<pg::Catalog>> createFixture(std::shared_ptr<pg::Pool> pool) {
  auto created = co_await pool->executeSimple(readFile(fixturePath("schema.sql")));
  if (!created) co_return std::unexpected(created.error());
  co_return co_await pg::introspect(*pool);
}

// A mutation's statements in one transaction that is rolled back, so that every case sees the
// fixture's rows as schema.sql leaves them: each statement's one value, or the first error
// (a failed permission check included).
asio::awaitable<Result<std::vector<std::optional<std::string>>>> runRolledBack(
    std::shared_ptr<pg::Pool> pool, const Plan& plan) {
  auto connection = co_await pool->acquire();
  if (!connection) co_return std::unexpected(connection.error());
  auto begun = co_await connection->executeSimple("BEGIN");
  if (!begun) co_return std::unexpected(begun.error());
  std::vector<std::optional<std::string>> values;
  std::optional<Error> failed;
  for (const MutationStatement& mutation : plan.mutations) {
    pg::Statement statement = mutation.statement;
    auto result = co_await connection->execute(std::move(statement));
    if (!result) {
      failed = result.error();
      break;
    }
    if (result->rows() == 1 && result->columns() == mutation.columns()) {
      failed = mutation.failure(*result);
      if (failed) break;
    }
    values.push_back(result->rows() == 1 && !result->isNull(0, 0)
                         ? std::optional<std::string>(result->value(0, 0))
                         : std::nullopt);
  }
  auto rolled_back = co_await connection->executeSimple("ROLLBACK");
  if (failed) co_return std::unexpected(*failed);
  if (!rolled_back) co_return std::unexpected(rolled_back.error());
  co_return values;
}

// One test over every case: the cluster (a second's initdb) starts once, not once per case.
class PlannerIntegrationTest : public pg::testing::PgTest {
 protected:
  // Sessions in UTC, so that timestamptz values read the same on every machine.
  std::shared_ptr<pg::Pool> utcPool() {
    pg::PoolSettings settings;
    settings.conninfo = conninfo("options='-c TimeZone=UTC'");
    settings.max_connections = 1;
    return makePool(std::move(settings));
  }

  // The admin schema over the introspected catalog of the fixture's tables.
  std::shared_ptr<const schema::RoleSchema> createDatabase() {
    auto catalog = run(createFixture(utcPool()));
    if (!catalog) {
      ADD_FAILURE() << "creating the fixture: " << catalog.error().message();
      return nullptr;
    }
    auto built = fixtureSchema(std::make_shared<const pg::Catalog>(std::move(*catalog)));
    if (!built) {
      ADD_FAILURE() << "building the schema: " << built.error().message();
      return nullptr;
    }
    return *built;
  }

  void checkCase(const schema::RoleSchema& schema, std::shared_ptr<pg::Pool> pool,
                 const std::string& name) {
    auto test_case = readCase(name);
    ASSERT_TRUE(test_case.has_value()) << test_case.error().message();
    Planned planned = planCase(schema, *test_case);
    std::string expected_sql = readFile(casePath(name, ".sql"));
    std::string actual_sql = goldenText(planned);
    EXPECT_TRUE(expected_sql == actual_sql)
        << "planned from the introspected catalog, the SQL differs from " << name
        << ".sql (has fixture/catalog.json drifted from fixture/schema.sql?):\n"
        << lineDiff(expected_sql, actual_sql);

    std::filesystem::path expected = casePath(name, ".json");
    if (!planned.plan) {
      EXPECT_FALSE(fileExists(expected)) << "an error case has no response: " << expected.string();
      return;
    }
    std::vector<std::optional<std::string>> columns;
    if (!planned.plan->mutations.empty()) {
      auto values = run(runRolledBack(pool, *planned.plan));
      if (!values) {  // the transaction failed: the golden file holds the error
        expectGolden(expected,
                     "-- error: " + values.error().code() + ": " + values.error().message() + "\n");
        return;
      }
      columns = std::move(*values);
    }
    if (planned.plan->statement) {
      auto result = run(pool->execute(*planned.plan->statement));
      ASSERT_TRUE(result.has_value()) << result.error().message() << "\n"
                                      << planned.plan->pretty_sql;
      ASSERT_EQ(result->rows(), 1);
      columns.resize(static_cast<size_t>(result->columns()));
      for (const RootFieldPlan& field : planned.plan->fields) {
        if (!field.column || result->isNull(0, *field.column)) continue;
        std::string json;
        Status written =
            appendFieldJson(field, *result, planned.plan->statement->binary_results, json);
        ASSERT_TRUE(written.has_value()) << written.error().message();
        columns[static_cast<size_t>(*field.column)] = std::move(json);
      }
    }
    expectGolden(expected, prettyJson(responseJson(*planned.plan, columns)));
  }
};

TEST_F(PlannerIntegrationTest, EveryCasePlansAsTheFixtureAndAnswersItsJson) {
  std::shared_ptr<const schema::RoleSchema> schema = createDatabase();
  ASSERT_NE(schema, nullptr);
  auto pool = utcPool();
  std::vector<std::string> names = caseNames();
  ASSERT_FALSE(names.empty());
  for (const std::string& name : names) {
    SCOPED_TRACE("case " + name);
    checkCase(*schema, pool, name);
  }
}

}  // namespace
}  // namespace graft::planner::testing
