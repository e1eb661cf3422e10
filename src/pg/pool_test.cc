// Pool behaviour against a real cluster: concurrency limits, waiting and timeouts, connections
// the server closes, a server that stops and comes back, idle and lifetime limits, close().
#include <libpq-fe.h>

#include <atomic>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <mutex>

#include "pg/test_support.h"

namespace graft::pg::testing {
namespace {

using Clock = std::chrono::steady_clock;

// One query on a separate plain libpq connection, for the server-side view of things.
std::string adminQuery(const std::string& conninfo, const std::string& query) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  std::string out;
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* res = PQexec(conn, query.c_str());
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0) out = PQgetvalue(res, 0, 0);
    PQclear(res);
  }
  PQfinish(conn);
  return out;
}

asio::awaitable<Result<QueryResult>> query(std::shared_ptr<Pool> pool, std::string text,
                                           std::vector<std::optional<std::string>> params) {
  co_return co_await pool->execute(Statement{std::move(text), std::move(params)});
}

// Holds a connection until `release` is set, polling on a timer (no blocking).
asio::awaitable<int> holdConnection(std::shared_ptr<Pool> pool, std::atomic<bool>* acquired,
                                    std::atomic<bool>* release) {
  auto conn = co_await pool->acquire();
  if (!conn) co_return -1;
  acquired->store(true);
  asio::steady_timer timer(co_await asio::this_coro::executor);
  while (!release->load()) {
    timer.expires_after(5ms);
    co_await timer.async_wait(asio::use_awaitable);
  }
  co_return conn->backendPid();
}

// A query abandoned by its caller after `patience` (as a request timeout would).
asio::awaitable<bool> abandonQuery(std::shared_ptr<Pool> pool, std::chrono::milliseconds patience) {
  using namespace asio::experimental::awaitable_operators;
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(patience);
  auto outcome =
      co_await (query(pool, "SELECT pg_sleep(1)", {}) || timer.async_wait(asio::use_awaitable));
  co_return outcome.index() == 1;
}

struct Acquired {
  bool ok = false;
  std::string code;
  std::string message;
  std::chrono::milliseconds elapsed{0};
};

asio::awaitable<Acquired> tryAcquire(std::shared_ptr<Pool> pool, std::mutex* order_mutex,
                                     std::vector<int>* order, int id) {
  auto start = Clock::now();
  auto conn = co_await pool->acquire();
  Acquired out;
  out.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  out.ok = conn.has_value();
  if (!conn) {
    out.code = conn.error().code();
    out.message = conn.error().message();
    co_return out;
  }
  if (order) {
    std::lock_guard lock(*order_mutex);
    order->push_back(id);
  }
  co_return out;
}

class PoolTest : public PgTest {};

TEST_F(PoolTest, TwoHundredQueriesShareFourConnections) {
  PoolSettings settings;
  settings.max_connections = 4;
  settings.conninfo = conninfo("application_name=pool_concurrency");
  auto pool = makePool(settings);
  std::vector<std::future<Result<QueryResult>>> futures;
  for (int i = 0; i < 200; ++i) {
    futures.push_back(spawn(query(pool,
                                  "SELECT $1::int, (SELECT count(*) FROM pg_stat_activity "
                                  "WHERE application_name = 'pool_concurrency'), pg_sleep(0.002)",
                                  {std::to_string(i)})));
  }
  int max_server_connections = 0;
  for (int i = 0; i < 200; ++i) {
    auto r = wait(futures[i]);
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(r->value(0, 0), std::to_string(i));
    max_server_connections =
        std::max(max_server_connections, std::stoi(std::string(r->value(0, 1))));
  }
  EXPECT_LE(max_server_connections, 4);
  EXPECT_GE(max_server_connections, 2);  // the queries did overlap
  PoolStats stats = pool->stats();
  EXPECT_LE(stats.open, 4);
  EXPECT_EQ(stats.in_use, 0);
  EXPECT_EQ(stats.waiting, 0);
  EXPECT_EQ(stats.idle, stats.open);
}

TEST_F(PoolTest, AcquireTimesOutWhileThePoolIsExhausted) {
  PoolSettings settings;
  settings.max_connections = 1;
  settings.acquire_timeout = 200ms;
  auto pool = makePool(settings);
  std::atomic<bool> acquired = false, release = false;
  auto holder = spawn(holdConnection(pool, &acquired, &release));
  ASSERT_TRUE(eventually([&] { return acquired.load(); }));
  auto waiter = run(tryAcquire(pool, nullptr, nullptr, 0));
  EXPECT_FALSE(waiter.ok);
  EXPECT_EQ(waiter.code, "timeout");
  EXPECT_EQ(waiter.message, "timed out waiting for a database connection");
  EXPECT_GE(waiter.elapsed, 150ms);
  EXPECT_LT(waiter.elapsed, 5s);
  EXPECT_EQ(pool->stats().waiting, 0);
  release = true;
  EXPECT_GT(wait(holder), 0);
  // The pool is whole again.
  ASSERT_TRUE(run(query(pool, "SELECT 1", {})));
}

TEST_F(PoolTest, WaitersAreServedInArrivalOrder) {
  auto pool = makePool(1);
  std::atomic<bool> acquired = false, release = false;
  auto holder = spawn(holdConnection(pool, &acquired, &release));
  ASSERT_TRUE(eventually([&] { return acquired.load(); }));
  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::future<Acquired>> waiters;
  for (int id = 0; id < 5; ++id) {
    waiters.push_back(spawn(tryAcquire(pool, &order_mutex, &order, id)));
    ASSERT_TRUE(eventually([&] { return pool->stats().waiting == id + 1; }));
  }
  release = true;
  wait(holder);
  for (auto& w : waiters) EXPECT_TRUE(wait(w).ok);
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(pool->stats().open, 1);
}

TEST_F(PoolTest, ConnectionKilledByTheServerIsReplaced) {
  auto pool = makePool(1);
  auto first = run(query(pool, "SELECT pg_backend_pid()", {}));
  ASSERT_TRUE(first) << first.error().message();
  std::string pid(first->value(0, 0));
  EXPECT_EQ(adminQuery(conninfo(), "SELECT pg_terminate_backend(" + pid + ")"), "t");
  ASSERT_TRUE(eventually([&] {
    return adminQuery(conninfo(), "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) ==
           "0";
  }));
  auto second = run(query(pool, "SELECT pg_backend_pid()", {}));
  ASSERT_TRUE(second) << second.error().message();
  EXPECT_NE(second->value(0, 0), pid);
  EXPECT_EQ(pool->stats().open, 1);
}

TEST_F(PoolTest, AbandonedQueryDiscardsItsConnection) {
  auto pool = makePool(1);
  EXPECT_TRUE(run(abandonQuery(pool, 50ms)));
  // Its protocol state is unknown, so the connection is not reused.
  EXPECT_EQ(pool->stats().open, 0);
  EXPECT_EQ(pool->stats().in_use, 0);
  ASSERT_TRUE(run(query(pool, "SELECT 1", {})));
}

TEST_F(PoolTest, RecoversAfterTheServerRestarts) {
  fs::path dir = makeTempDir();
  auto server = startServer(dir);
  ASSERT_TRUE(server) << server.error().message();
  PoolSettings settings;
  settings.conninfo = (*server)->conninfo();
  settings.max_connections = 2;
  auto pool = makePool(settings);
  ASSERT_TRUE(run(query(pool, "SELECT 1", {})));

  ASSERT_TRUE((*server)->stop());
  auto start = Clock::now();
  auto down = run(query(pool, "SELECT 1", {}), 5s);
  EXPECT_LT(Clock::now() - start, 3s);
  ASSERT_FALSE(down);
  EXPECT_EQ(down.error().code(), "connection-error");
  ASSERT_TRUE(down.error().internal());
  EXPECT_NE(down.error().internal()->find("No such file or directory"), std::string::npos)
      << *down.error().internal();
  // In backoff: the same error at once, without another attempt.
  long failures = pool->stats().connect_failures;
  EXPECT_EQ(failures, 1);
  auto again = run(query(pool, "SELECT 1", {}), 1s);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), "connection-error");
  EXPECT_EQ(pool->stats().connect_failures, failures);
  EXPECT_EQ(pool->stats().open, 0);

  server->reset();
  server = startServer(dir);
  ASSERT_TRUE(server) << server.error().message();
  ASSERT_TRUE(eventually([&] { return run(query(pool, "SELECT 1", {}), 5s).has_value(); }, 15s));
  EXPECT_EQ(pool->stats().open, 1);
  pool.reset();
  server->reset();
  fs::remove_all(dir);
}

TEST_F(PoolTest, TooManyConnectionsForTheServerIsReported) {
  ASSERT_TRUE(run(makePool(1)->executeSimple("CREATE ROLE limited LOGIN CONNECTION LIMIT 1")));
  PoolSettings settings;
  settings.conninfo = conninfo("user=limited");
  settings.max_connections = 2;
  auto pool = makePool(settings);
  std::atomic<bool> acquired = false, release = false;
  auto holder = spawn(holdConnection(pool, &acquired, &release));
  ASSERT_TRUE(eventually([&] { return acquired.load(); }));
  auto second = run(tryAcquire(pool, nullptr, nullptr, 0));
  EXPECT_FALSE(second.ok);
  EXPECT_EQ(second.code, "postgres-max-connections-error");
  release = true;
  wait(holder);
}

TEST_F(PoolTest, IdleConnectionsCloseAfterTheIdleTimeout) {
  PoolSettings settings;
  settings.idle_timeout = 100ms;
  auto pool = makePool(settings);
  ASSERT_TRUE(run(query(pool, "SELECT 1", {})));
  EXPECT_EQ(pool->stats().open, 1);
  EXPECT_TRUE(eventually([&] { return pool->stats().open == 0; }, 5s));
  ASSERT_TRUE(run(query(pool, "SELECT 1", {})));
}

TEST_F(PoolTest, ConnectionsOlderThanTheirLifetimeCloseWhenReturned) {
  PoolSettings settings;
  settings.lifetime = 50ms;
  settings.idle_timeout = 0ms;
  auto pool = makePool(settings);
  auto r = run(query(pool, "SELECT pg_sleep(0.1)", {}));
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(pool->stats().open, 0);
}

TEST_F(PoolTest, CloseFailsWaitersAndLaterAcquires) {
  auto pool = makePool(1);
  std::atomic<bool> acquired = false, release = false;
  auto holder = spawn(holdConnection(pool, &acquired, &release));
  ASSERT_TRUE(eventually([&] { return acquired.load(); }));
  auto waiter = spawn(tryAcquire(pool, nullptr, nullptr, 0));
  ASSERT_TRUE(eventually([&] { return pool->stats().waiting == 1; }));
  pool->close();
  auto woken = wait(waiter);
  EXPECT_FALSE(woken.ok);
  EXPECT_EQ(woken.message, "the database connection pool is closed");
  auto later = run(tryAcquire(pool, nullptr, nullptr, 0));
  EXPECT_FALSE(later.ok);
  EXPECT_EQ(later.message, "the database connection pool is closed");
  release = true;
  wait(holder);
  EXPECT_TRUE(eventually([&] { return pool->stats().open == 0; }));
}

}  // namespace
}  // namespace graft::pg::testing
