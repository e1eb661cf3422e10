// What a borrowed connection does: parameters, prepared-statement cache, simple protocol,
// pipelines, error mapping, transactions left open. Against a real cluster.
#include "pg/connection.h"

#include <boost/asio/this_coro.hpp>
#include <boost/json/parse.hpp>

#include "pg/test_support.h"

namespace graft::pg::testing {
namespace {

using Results = Result<std::vector<QueryResult>>;

// The rows of a one-column result, NULL as "<null>".
std::vector<std::string> column(const QueryResult& r, int c = 0) {
  std::vector<std::string> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back(r.isNull(i, c) ? "<null>" : std::string(r.value(i, c)));
  }
  return out;
}

// Runs `statements` one after another on one borrowed connection; the last result of each
// (or its error).
asio::awaitable<std::vector<Result<QueryResult>>> onOneConnection(std::shared_ptr<Pool> pool,
                                                                  std::vector<Statement> statements,
                                                                  bool simple) {
  std::vector<Result<QueryResult>> out;
  auto conn = co_await pool->acquire();
  if (!conn) co_return std::vector<Result<QueryResult>>{std::unexpected(conn.error())};
  for (auto& s : statements) {
    if (simple) {
      auto r = co_await conn->executeSimple(s.sql);
      if (!r) {
        out.push_back(std::unexpected(r.error()));
      } else {
        out.push_back(r->empty() ? QueryResult() : r->back());
      }
    } else {
      out.push_back(co_await conn->execute(std::move(s)));
    }
  }
  co_return out;
}

class ConnectionTest : public PgTest {};

TEST_F(ConnectionTest, ExecutesWithTextParamsNullAndUnicode) {
  auto pool = makePool();
  auto r = run(pool->execute(sql("SELECT $1::text AS greeting, $2::int AS nothing, $3 AS emoji",
                                 {"héllo wörld ✓ 日本", std::nullopt, "🙂"})));
  ASSERT_TRUE(r) << r.error().message();
  ASSERT_EQ(r->rows(), 1);
  ASSERT_EQ(r->columns(), 3);
  EXPECT_TRUE(r->hasTuples());
  EXPECT_EQ(r->columnName(0), "greeting");
  EXPECT_EQ(r->columnIndex("emoji"), 2);
  EXPECT_EQ(r->columnIndex("missing"), -1);
  EXPECT_EQ(r->columnType(0), 25u);  // text
  EXPECT_EQ(r->columnType(1), 23u);  // int4
  EXPECT_EQ(r->value(0, 0), "héllo wörld ✓ 日本");
  EXPECT_TRUE(r->isNull(0, 1));
  EXPECT_FALSE(r->isNull(0, 2));
  EXPECT_EQ(r->value(0, 2), "🙂");
  EXPECT_EQ(r->commandTag(), "SELECT 1");
  EXPECT_EQ(r->affectedRows(), 1);
}

TEST_F(ConnectionTest, PreparesOncePerConnectionAndReusesTheStatement) {
  auto pool = makePool(1);
  std::string text = "SELECT $1::int + 1";
  auto results = run(
      onOneConnection(pool,
                      {sql(text, {"1"}), sql(text, {"2"}), sql("SELECT 'other'"), sql(text, {"3"}),
                       sql("SELECT name, statement FROM pg_prepared_statements ORDER BY name")},
                      false));
  ASSERT_EQ(results.size(), 5u);
  for (auto& r : results) ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(column(*results[0]), std::vector<std::string>{"2"});
  EXPECT_EQ(column(*results[3]), std::vector<std::string>{"4"});
  // graft_3 is the catalog query itself, prepared before it ran.
  EXPECT_EQ(column(*results[4], 0), (std::vector<std::string>{"graft_1", "graft_2", "graft_3"}));
  EXPECT_EQ(column(*results[4], 1)[0], text);
}

TEST_F(ConnectionTest, WithoutPreparedStatementsNothingIsPrepared) {
  PoolSettings settings;
  settings.use_prepared_statements = false;
  auto pool = makePool(settings);
  auto results = run(onOneConnection(
      pool, {sql("SELECT $1::int", {"1"}), sql("SELECT count(*) FROM pg_prepared_statements")},
      false));
  ASSERT_TRUE(results[1]) << results[1].error().message();
  EXPECT_EQ(column(*results[1]), std::vector<std::string>{"0"});
}

TEST_F(ConnectionTest, PreparesAgainAfterDiscardAll) {
  auto pool = makePool(1);
  std::string text = "SELECT $1::text || '!'";
  auto first = run(onOneConnection(pool, {sql(text, {"a"})}, false));
  ASSERT_TRUE(first[0]);
  auto discarded = run(pool->executeSimple("DISCARD ALL"));
  ASSERT_TRUE(discarded) << discarded.error().message();
  auto again = run(pool->execute(sql(text, {"b"})));
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_EQ(column(*again), std::vector<std::string>{"b!"});
}

TEST_F(ConnectionTest, PreparesAgainWhenTheResultTypeChanges) {
  auto pool = makePool(1);
  ASSERT_TRUE(run(
      pool->executeSimple("CREATE TABLE reshaped_t(a int); INSERT INTO reshaped_t VALUES (1)")));
  ASSERT_TRUE(run(pool->execute(sql("SELECT * FROM reshaped_t"))));
  ASSERT_TRUE(run(pool->executeSimple("ALTER TABLE reshaped_t ADD COLUMN b text DEFAULT 'new'")));
  auto r = run(pool->execute(sql("SELECT * FROM reshaped_t")));
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->columns(), 2);
  EXPECT_EQ(r->value(0, 1), "new");
}

TEST_F(ConnectionTest, ExecuteSimpleReturnsEveryResult) {
  auto pool = makePool(1);
  auto r = run(pool->executeSimple(
      "CREATE TEMP TABLE simple_t(x int); INSERT INTO simple_t VALUES (1), (2); "
      "SELECT x FROM simple_t ORDER BY x"));
  ASSERT_TRUE(r) << r.error().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].commandTag(), "CREATE TABLE");
  EXPECT_FALSE((*r)[0].hasTuples());
  EXPECT_EQ((*r)[1].commandTag(), "INSERT 0 2");
  EXPECT_EQ((*r)[1].affectedRows(), 2);
  EXPECT_EQ(column((*r)[2]), (std::vector<std::string>{"1", "2"}));
}

TEST_F(ConnectionTest, ExecuteSimpleReportsTheFirstError) {
  auto pool = makePool(1);
  auto r = run(pool->executeSimple("SELECT 1; SELECT 1/0; SELECT 2"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), "data-exception");
  EXPECT_EQ(r.error().message(), "division by zero");
  auto after = run(pool->execute(sql("SELECT 5")));
  ASSERT_TRUE(after) << after.error().message();
}

TEST_F(ConnectionTest, PipelineReturnsResultsInOrder) {
  auto pool = makePool(1);
  auto r = run(pool->pipeline(
      {sql("SELECT $1::int AS n", {"1"}), sql("SELECT 'two'"), sql("SELECT $1::int * 3", {"1"})}));
  ASSERT_TRUE(r) << r.error().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ(column((*r)[0]), std::vector<std::string>{"1"});
  EXPECT_EQ(column((*r)[1]), std::vector<std::string>{"two"});
  EXPECT_EQ(column((*r)[2]), std::vector<std::string>{"3"});
  // The same statement twice in one pipeline is prepared once.
  auto twice = run(pool->pipeline({sql("SELECT $1::int", {"7"}), sql("SELECT $1::int", {"8"})}));
  ASSERT_TRUE(twice) << twice.error().message();
  EXPECT_EQ(column((*twice)[1]), std::vector<std::string>{"8"});
}

TEST_F(ConnectionTest, PipelineStopsAtTheFirstErrorAndRollsBack) {
  auto pool = makePool(1);
  ASSERT_TRUE(run(pool->executeSimple("CREATE TABLE pipeline_t(x int)")));
  auto r =
      run(pool->pipeline({sql("INSERT INTO pipeline_t VALUES (1)"), sql("SELECT 1/$1::int", {"0"}),
                          sql("INSERT INTO pipeline_t VALUES (3)")}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), "data-exception");
  EXPECT_EQ(r.error().message(), "division by zero");
  auto count = run(pool->execute(sql("SELECT count(*) FROM pipeline_t")));
  ASSERT_TRUE(count) << count.error().message();
  EXPECT_EQ(column(*count), std::vector<std::string>{"0"});
  // Statements prepared before the failure stay usable.
  auto again = run(pool->pipeline({sql("INSERT INTO pipeline_t VALUES (1)")}));
  ASSERT_TRUE(again) << again.error().message();
}

TEST_F(ConnectionTest, UniqueViolationBecomesConstraintViolation) {
  auto pool = makePool(2);
  ASSERT_TRUE(run(pool->executeSimple("CREATE TABLE unique_t(id int PRIMARY KEY)")));
  std::string insert = "INSERT INTO unique_t VALUES ($1::int)";
  ASSERT_TRUE(run(pool->execute(sql(insert, {"1"}))));
  auto r = run(pool->execute(sql(insert, {"1"})));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), "constraint-violation");
  EXPECT_EQ(r.error().httpStatus(), 400);
  EXPECT_EQ(r.error().message(),
            "Uniqueness violation. duplicate key value violates unique constraint "
            "\"unique_t_pkey\"");
  ASSERT_TRUE(r.error().internal());
  auto internal = boost::json::parse(*r.error().internal()).as_object();
  EXPECT_EQ(internal.at("statement").as_string(), insert);
  EXPECT_EQ(internal.at("error").at("status_code").as_string(), "23505");
  EXPECT_EQ(internal.at("error").at("description").as_string(), "Key (id)=(1) already exists.");
}

TEST_F(ConnectionTest, StatementTimeoutIsAPostgresError) {
  PoolSettings settings;
  settings.statement_timeout = 100ms;
  auto pool = makePool(settings);
  auto r = run(pool->execute(sql("SELECT pg_sleep(5)")));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), "postgres-error");
  EXPECT_EQ(r.error().message(), "canceling statement due to statement timeout");
  EXPECT_NE(r.error().internal()->find("57014"), std::string::npos);
}

TEST_F(ConnectionTest, OpenTransactionIsRolledBackBeforeReuse) {
  auto pool = makePool(1);
  ASSERT_TRUE(run(pool->executeSimple("CREATE TABLE tx_t(x int)")));
  auto left_open = run(onOneConnection(
      pool, {sql("BEGIN"), sql("INSERT INTO tx_t VALUES (1)"), sql("SELECT 1/0")}, true));
  ASSERT_FALSE(left_open[2]);  // the connection goes back in a failed transaction
  auto next = run(onOneConnection(
      pool,
      {sql("SELECT count(*) FROM tx_t"), sql("SELECT current_setting('transaction_isolation')")},
      false));
  ASSERT_TRUE(next[0]) << next[0].error().message();
  EXPECT_EQ(column(*next[0]), std::vector<std::string>{"0"});
  EXPECT_EQ(pool->stats().open, 1);  // reset, not reconnected
}

TEST_F(ConnectionTest, CopyFromStdinIsRefusedAndTheConnectionSurvives) {
  auto pool = makePool(1);
  ASSERT_TRUE(run(pool->executeSimple("CREATE TABLE copy_t(x int)")));
  auto r = run(pool->executeSimple("COPY copy_t FROM STDIN"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("COPY FROM STDIN is not supported"), std::string::npos);
  auto out = run(pool->executeSimple("COPY (SELECT generate_series(1, 1000)) TO STDOUT; SELECT 9"));
  ASSERT_TRUE(out) << out.error().message();
  EXPECT_EQ(column(out->back()), std::vector<std::string>{"9"});
  EXPECT_EQ(pool->stats().open, 1);
}

TEST_F(ConnectionTest, LargeParametersAndResultsStream) {
  auto pool = makePool(1);
  std::string big(8 << 20, 'x');  // far beyond a socket buffer, so sends and reads block
  auto r = run(pool->execute(sql("SELECT length($1::text), repeat('y', 8 << 20)", {big})));
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->value(0, 0), std::to_string(big.size()));
  EXPECT_EQ(r->value(0, 1).size(), big.size());
}

// What the metadata watch relies on: a LISTENing connection reports nothing when nothing
// came in time, a NOTIFY from another connection as soon as it commits, and stays usable.
asio::awaitable<std::vector<std::string>> listenAndWait(std::string conninfo,
                                                        std::shared_ptr<Pool> notifier) {
  std::vector<std::string> seen;
  ConnectOptions options;
  options.conninfo = std::move(conninfo);
  auto conn = co_await Connection::connect(co_await asio::this_coro::executor, options);
  if (!conn) co_return std::vector<std::string>{"connect: " + conn.error().message()};
  auto listening = co_await (*conn)->executeSimple("LISTEN graft_test");
  if (!listening) co_return std::vector<std::string>{"listen: " + listening.error().message()};

  auto quiet = co_await (*conn)->waitForNotifications(50ms);
  seen.push_back(quiet ? "quiet: " + std::to_string(quiet->size()) : quiet.error().message());

  auto sent = co_await notifier->execute(Statement("SELECT pg_notify('graft_test', 'v7')"));
  if (!sent) co_return std::vector<std::string>{"notify: " + sent.error().message()};
  auto start = std::chrono::steady_clock::now();
  auto arrived = co_await (*conn)->waitForNotifications(20s);
  bool prompt = std::chrono::steady_clock::now() - start < 5s;
  if (!arrived) {
    seen.push_back(arrived.error().message());
  } else {
    for (const auto& n : *arrived) seen.push_back(n.channel + " " + n.payload);
  }
  seen.push_back(prompt ? "prompt" : "late");

  auto after = co_await (*conn)->execute(Statement("SELECT 'still usable'"), false);
  seen.push_back(after ? std::string(after->value(0, 0)) : after.error().message());
  co_return seen;
}

TEST_F(ConnectionTest, NotificationsArriveOnAListeningConnection) {
  auto seen = run(listenAndWait(conninfo(), makePool(1)));
  EXPECT_EQ(seen,
            (std::vector<std::string>{"quiet: 0", "graft_test v7", "prompt", "still usable"}));
}

}  // namespace
}  // namespace graft::pg::testing
