// Pool: the connections to one PostgreSQL database — created lazily up to max_connections,
// reused LIFO, closed when idle or old, re-established with backoff after the server goes
// away — and PooledConnection, the RAII handle of one borrowed connection.
// Thread-safety: every Pool member may be called from any thread at any time (its state is
// behind one mutex that is never held across a suspension). A PooledConnection belongs to the
// coroutine that acquired it. Destroy the pool (or close() it and drop the last
// PooledConnection) before its io_context.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "pg/query_result.h"
#include "pg/statement.h"

namespace graft::pg {

class Connection;
class Pool;

struct PoolSettings {
  // URL or key=value string, as libpq accepts them.
  std::string conninfo;
  // HASURA_GRAPHQL_PG_CONNECTIONS.
  int max_connections = 50;
  // HASURA_GRAPHQL_PG_TIMEOUT: an idle connection is closed after this long (0 = never).
  std::chrono::milliseconds idle_timeout{std::chrono::seconds(180)};
  // HASURA_GRAPHQL_PG_CONN_LIFETIME: a connection older than this is closed when it is
  // returned or found idle (0 = unlimited).
  std::chrono::milliseconds lifetime{std::chrono::seconds(600)};
  // HASURA_GRAPHQL_PG_POOL_TIMEOUT: how long acquire() waits for a busy pool; none = forever.
  std::optional<std::chrono::milliseconds> acquire_timeout;
  // Sent as the statement_timeout setting of every connection.
  std::optional<std::chrono::milliseconds> statement_timeout;
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  // HASURA_GRAPHQL_USE_PREPARED_STATEMENTS.
  bool use_prepared_statements = true;
};

struct PoolStats {
  int open = 0;  // connected or connecting
  int idle = 0;
  int in_use = 0;   // borrowed (including being connected or reset for a borrower)
  int waiting = 0;  // acquirers queued for a connection
  long connect_failures = 0;
};

// A borrowed connection; returns it to the pool when destroyed (or on release()). A
// connection that broke is discarded instead, and one left inside a transaction is rolled
// back first. Move-only; use from one coroutine at a time.
class PooledConnection {
 public:
  PooledConnection() = default;
  PooledConnection(std::shared_ptr<Pool> pool, std::unique_ptr<Connection> connection);
  PooledConnection(PooledConnection&&) noexcept;
  PooledConnection& operator=(PooledConnection&&) noexcept;
  ~PooledConnection();

  // Extended protocol; prepared and cached per connection by SQL text when the pool's
  // use_prepared_statements is on (the first use prepares in the same round trip).
  boost::asio::awaitable<Result<QueryResult>> execute(Statement statement);
  // Simple protocol, several statements allowed (run_sql); every result in order.
  boost::asio::awaitable<Result<std::vector<QueryResult>>> executeSimple(std::string sql);
  // Pipeline mode with one sync: results in order, or the first error (the server skipped
  // the rest, and rolled back the implicit transaction).
  boost::asio::awaitable<Result<std::vector<QueryResult>>> pipeline(
      std::vector<Statement> statements);

  int backendPid() const;
  explicit operator bool() const { return connection_ != nullptr; }
  // Returns the connection now rather than at destruction.
  void release();

 private:
  std::shared_ptr<Pool> pool_;
  std::unique_ptr<Connection> connection_;
};

class Pool : public std::enable_shared_from_this<Pool> {
 public:
  // `executor` runs the pool's own work (socket registration, idle sweeps, resets); it is
  // normally the io_context's executor.
  static std::shared_ptr<Pool> create(boost::asio::any_io_executor executor, PoolSettings settings);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // An idle connection, a new one if below max_connections, or the next one returned (FIFO
  // among waiters, bounded by acquire_timeout: Error::timeout). While connecting is in
  // backoff after a failure, fails at once with the last connection error.
  boost::asio::awaitable<Result<PooledConnection>> acquire();
  // acquire + the PooledConnection call + release.
  boost::asio::awaitable<Result<QueryResult>> execute(Statement statement);
  boost::asio::awaitable<Result<std::vector<QueryResult>>> executeSimple(std::string sql);
  boost::asio::awaitable<Result<std::vector<QueryResult>>> pipeline(
      std::vector<Statement> statements);

  // Closes idle connections, fails waiters and later acquires; borrowed connections are
  // closed when returned. Idempotent.
  void close();
  PoolStats stats() const;
  const PoolSettings& settings() const { return settings_; }

 private:
  friend class PooledConnection;
  struct Waiter;
  struct Sweeper;
  struct Grant;
  struct Idle {
    std::unique_ptr<Connection> connection;
    std::chrono::steady_clock::time_point since;
  };
  struct EnqueueWaiter;

  Pool(boost::asio::any_io_executor executor, PoolSettings settings);
  void startSweeper();

  // Under mutex_: what acquire() may have right now, or nothing (it must wait).
  std::optional<Grant> tryGrantLocked(std::vector<std::unique_ptr<Connection>>& to_close);
  boost::asio::awaitable<Result<PooledConnection>> connectNew();
  void connectFailed(const Error& error);
  // Takes a connection back from a borrower: to the first waiter, to the idle list, through a
  // ROLLBACK first (when `may_reset` and it is inside a transaction), or closed.
  void giveBack(std::unique_ptr<Connection> connection, bool may_reset);
  // Under mutex_: a borrowed place was given up; the first waiter may connect in it.
  void slotFreedLocked();
  // After a waiter's timer completed: its grant, or (it leaves the queue) the timeout or, when
  // `aborted` without a grant, the acquirer's own cancellation.
  std::optional<Grant> takeGrant(const std::shared_ptr<Waiter>& waiter, bool aborted);
  void sweep();
  static boost::asio::awaitable<void> sweepLoop(std::weak_ptr<Pool> pool,
                                                std::shared_ptr<Sweeper> sweeper,
                                                std::chrono::milliseconds period);
  static boost::asio::awaitable<void> resetAndRelease(std::shared_ptr<Pool> pool,
                                                      std::unique_ptr<Connection> connection);

  const boost::asio::any_io_executor executor_;
  const PoolSettings settings_;
  std::shared_ptr<Sweeper> sweeper_;

  mutable std::mutex mutex_;
  std::vector<Idle> idle_;  // most recently returned last
  std::deque<std::shared_ptr<Waiter>> waiters_;
  int open_ = 0;
  int in_use_ = 0;
  bool closed_ = false;
  long connect_failures_ = 0;
  std::chrono::milliseconds backoff_{0};
  std::chrono::steady_clock::time_point backoff_until_;
  std::optional<Error> last_connect_error_;
};

}  // namespace graft::pg
