// Connection: one libpq connection driven without blocking on Asio (non-blocking libpq, socket
// readiness via LibpqSocket), with its per-connection prepared-statement cache. It has one
// user at a time — the Pool hands it over under its mutex — and that user may call it from
// any thread, one coroutine at a time. Normally used through pg::Pool / PooledConnection.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "pg/query_result.h"
#include "pg/statement.h"

struct pg_conn;

namespace graft::pg {

class LibpqSocket;

// A NOTIFY received on a channel this connection LISTENs to.
struct Notification {
  std::string channel;
  std::string payload;
};

struct ConnectOptions {
  // URL or key=value string; parsed by libpq (PQconninfoParse).
  std::string conninfo;
  // Sent as the statement_timeout setting (appended to the `options` startup parameter).
  std::optional<std::chrono::milliseconds> statement_timeout;
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
};

class Connection {
 public:
  using Clock = std::chrono::steady_clock;

  // Per connection, statements beyond this many distinct SQL texts run unnamed (unprepared),
  // so a stream of one-off SQL cannot grow server memory without bound.
  static constexpr size_t kMaxPreparedStatements = 1000;

  // Opens a connection; its socket waits run on `executor`. Failures are connection-error
  // (libpq's message in the internal detail) or postgres-max-connections-error.
  static boost::asio::awaitable<Result<std::unique_ptr<Connection>>> connect(
      boost::asio::any_io_executor executor, ConnectOptions options);

  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // One statement over the extended protocol. With `prepared`, the statement is prepared once
  // per connection (named graft_<n>, keyed by SQL text); the first use sends Parse and
  // Bind/Execute in one round trip.
  boost::asio::awaitable<Result<QueryResult>> execute(Statement statement, bool prepared);
  // Simple protocol: several ';'-separated statements, every result returned in order.
  boost::asio::awaitable<Result<std::vector<QueryResult>>> executeSimple(std::string sql);
  // Pipeline mode: all statements sent with one sync, so they run in one implicit transaction
  // (unless they manage their own). On failure returns the first error; later statements were
  // skipped by the server.
  boost::asio::awaitable<Result<std::vector<QueryResult>>> pipeline(
      std::vector<Statement> statements, bool prepared);

  // The notifications that arrived (after LISTEN on this connection), waiting up to `within`
  // for the first when none is pending. Empty when none came in time; fails when the
  // connection is lost. Only between commands.
  boost::asio::awaitable<Result<std::vector<Notification>>> waitForNotifications(
      std::chrono::milliseconds within);

  // False once the connection is lost or was left mid-protocol (a cancelled operation).
  bool usable() const;
  // Usable, outside any transaction, with no command in flight: fit for the next user.
  bool idle() const;
  // Inside a transaction block (open or failed): needs a ROLLBACK before the next user.
  bool inTransaction() const;
  // Reads whatever arrived while the connection sat idle (the FATAL of a terminated backend,
  // an EOF) and reports whether it still works. Never blocks.
  bool checkAlive();

  int backendPid() const;
  Clock::time_point createdAt() const { return created_at_; }
  size_t preparedCount() const { return prepared_.size(); }

 private:
  struct PipelineOutcome;

  Connection(pg_conn* conn, std::unique_ptr<LibpqSocket> socket);

  boost::asio::awaitable<Result<std::vector<QueryResult>>> runWithRetry(
      std::vector<Statement> statements, bool prepared);
  boost::asio::awaitable<PipelineOutcome> runPipeline(const std::vector<Statement>& statements,
                                                      bool prepared);
  boost::asio::awaitable<Status> flush();
  // The next PGresult (null at the end of a command's results), waiting for data as needed.
  boost::asio::awaitable<Result<pg_result*>> nextResult();
  boost::asio::awaitable<Status> drainCopyOut();
  boost::asio::awaitable<Status> refuseCopyIn();

  Error lost();
  Error errorFromResult(const pg_result* result, std::string_view statement) const;

  pg_conn* conn_;
  std::unique_ptr<LibpqSocket> socket_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text → statement name
  unsigned long next_statement_ = 0;
  bool broken_ = false;
  Clock::time_point created_at_;
};

// The error for a failed connection attempt, from libpq's message.
Error connectFailure(std::string_view libpq_message);

}  // namespace graft::pg
