#include "pg/connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cstring>

#include "pg/libpq_socket.h"
#include "pg/sqlstate.h"

namespace graft::pg {

namespace asio = boost::asio;

namespace {

// Prepared statements vanish behind our back after DISCARD ALL / DEALLOCATE (26000), and a
// cached plan breaks when a table's columns change under `SELECT *` (0A000); both are cured
// by preparing again.
bool stalePreparedStatement(const pg_result* result) {
  const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  if (sqlstate == nullptr) return false;
  if (std::strcmp(sqlstate, "26000") == 0) return true;
  const char* message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  return std::strcmp(sqlstate, "0A000") == 0 && message != nullptr &&
         std::strstr(message, "cached plan must not change result type") != nullptr;
}

std::string_view field(const pg_result* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value ? std::string_view(value) : std::string_view();
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  return std::string(text);
}

struct ClearResult {
  void operator()(pg_result* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<pg_result, ClearResult>;

std::vector<const char*> paramValues(const Statement& statement) {
  std::vector<const char*> values;
  values.reserve(statement.params.size());
  for (const auto& p : statement.params) values.push_back(p ? p->c_str() : nullptr);
  return values;
}

}  // namespace

struct Connection::PipelineOutcome {
  Result<std::vector<QueryResult>> results;
  bool stale_prepared = false;
};

Connection::Connection(pg_conn* conn, std::unique_ptr<LibpqSocket> socket)
    : conn_(conn), socket_(std::move(socket)), created_at_(Clock::now()) {}

Connection::~Connection() {
  socket_.reset();  // drop Asio's registration before libpq closes the fd
  PQfinish(conn_);
}

bool Connection::usable() const { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }

bool Connection::idle() const {
  return usable() && PQtransactionStatus(conn_) == PQTRANS_IDLE && PQisBusy(conn_) == 0 &&
         PQpipelineStatus(conn_) == PQ_PIPELINE_OFF;
}

bool Connection::inTransaction() const {
  auto status = PQtransactionStatus(conn_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

int Connection::backendPid() const { return PQbackendPID(conn_); }

bool Connection::checkAlive() {
  if (!usable()) return false;
  pollfd p{PQsocket(conn_), POLLIN, 0};
  // A bounded loop: a live idle connection has at most a few notices or NOTIFYs pending.
  for (int i = 0; i < 8 && ::poll(&p, 1, 0) > 0; ++i) {
    if (PQconsumeInput(conn_) == 0) return false;
    while (PGnotify* notify = PQnotifies(conn_)) PQfreemem(notify);
    if (PQstatus(conn_) != CONNECTION_OK) return false;
  }
  return idle();
}

Error Connection::lost() {
  broken_ = true;
  return Error::connectionError("database connection error")
      .withInternal(trimmed(PQerrorMessage(conn_)));
}

Error Connection::errorFromResult(const pg_result* result, std::string_view statement) const {
  std::string_view sqlstate = field(result, PG_DIAG_SQLSTATE);
  std::string_view message = field(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string fallback;
  if (message.empty()) {
    fallback = trimmed(PQresultErrorMessage(result));
    message = fallback;
  }
  if (sqlstate.empty() && PQstatus(conn_) != CONNECTION_OK) {
    // libpq's own report of a lost connection, not a server error.
    return Error::connectionError("database connection error").withInternal(std::string(message));
  }
  return errorFromServer(sqlstate, message, field(result, PG_DIAG_MESSAGE_DETAIL),
                         field(result, PG_DIAG_MESSAGE_HINT), statement);
}

asio::awaitable<Status> Connection::flush() {
  while (true) {
    int pending = PQflush(conn_);
    if (pending == 0) co_return ok();
    if (pending < 0) co_return std::unexpected(lost());
    Status ready = co_await socket_->wait(LibpqSocket::Want::kReadOrWrite);
    if (!ready) {
      broken_ = true;
      co_return std::unexpected(ready.error());
    }
    if (PQconsumeInput(conn_) == 0) co_return std::unexpected(lost());
  }
}

asio::awaitable<Result<pg_result*>> Connection::nextResult() {
  while (PQisBusy(conn_)) {
    if (PQstatus(conn_) != CONNECTION_OK) co_return std::unexpected(lost());
    Status ready = co_await socket_->wait(LibpqSocket::Want::kRead);
    if (!ready) {
      broken_ = true;
      co_return std::unexpected(ready.error());
    }
    if (PQconsumeInput(conn_) == 0) co_return std::unexpected(lost());
  }
  co_return PQgetResult(conn_);
}

asio::awaitable<Result<std::vector<Notification>>> Connection::waitForNotifications(
    std::chrono::milliseconds within) {
  auto pending = [this] {
    std::vector<Notification> out;
    while (PGnotify* notify = PQnotifies(conn_)) {
      out.push_back(Notification{notify->relname, notify->extra ? notify->extra : ""});
      PQfreemem(notify);
    }
    return out;
  };
  if (!usable()) co_return std::unexpected(lost());
  if (PQconsumeInput(conn_) == 0) co_return std::unexpected(lost());
  if (auto arrived = pending(); !arrived.empty()) co_return arrived;

  // Whichever comes first: the socket has something to read, or the time is up (which
  // cancels the wait; nothing was in flight, so the connection stays usable).
  using namespace asio::experimental::awaitable_operators;
  asio::steady_timer timer(co_await asio::this_coro::executor, within);
  auto outcome = co_await (socket_->wait(LibpqSocket::Want::kRead) ||
                           timer.async_wait(asio::as_tuple(asio::use_awaitable)));
  if (outcome.index() == 0) {
    Status ready = std::get<0>(outcome);
    if (!ready) {
      broken_ = true;
      co_return std::unexpected(ready.error());
    }
    if (PQconsumeInput(conn_) == 0 || PQstatus(conn_) != CONNECTION_OK) {
      co_return std::unexpected(lost());
    }
  }
  co_return pending();
}

asio::awaitable<Result<QueryResult>> Connection::execute(Statement statement, bool prepared) {
  std::vector<Statement> one;
  one.push_back(std::move(statement));
  auto results = co_await runWithRetry(std::move(one), prepared);
  if (!results) co_return std::unexpected(std::move(results).error());
  co_return std::move(results->front());
}

asio::awaitable<Result<std::vector<QueryResult>>> Connection::pipeline(
    std::vector<Statement> statements, bool prepared) {
  if (statements.empty()) co_return std::vector<QueryResult>{};
  co_return co_await runWithRetry(std::move(statements), prepared);
}

asio::awaitable<Result<std::vector<QueryResult>>> Connection::runWithRetry(
    std::vector<Statement> statements, bool prepared) {
  PipelineOutcome first = co_await runPipeline(statements, prepared);
  if (first.results || !first.stale_prepared || !usable() ||
      PQtransactionStatus(conn_) != PQTRANS_IDLE) {
    co_return std::move(first.results);
  }
  // Outside a transaction nothing ran, so forgetting every statement and trying once more is
  // safe; DEALLOCATE ALL clears the ones the server still has.
  prepared_.clear();
  auto deallocated = co_await executeSimple("DEALLOCATE ALL");
  if (!deallocated) co_return std::unexpected(std::move(deallocated).error());
  PipelineOutcome second = co_await runPipeline(statements, prepared);
  co_return std::move(second.results);
}

asio::awaitable<Connection::PipelineOutcome> Connection::runPipeline(
    const std::vector<Statement>& statements, bool prepared) {
  if (!usable()) co_return PipelineOutcome{std::unexpected(lost())};
  if (PQenterPipelineMode(conn_) != 1) {
    co_return PipelineOutcome{std::unexpected(Error::unexpected("the database connection is busy")
                                                  .withInternal(trimmed(PQerrorMessage(conn_))))};
  }

  // What each command in the pipeline is, to match its results in order.
  struct Step {
    size_t statement;
    bool is_prepare;
    std::string name;
  };
  std::vector<Step> steps;
  std::unordered_map<std::string_view, std::string> preparing;  // in this pipeline
  for (size_t i = 0; i < statements.size(); ++i) {
    const Statement& s = statements[i];
    std::vector<const char*> values = paramValues(s);
    int n = static_cast<int>(values.size());
    const std::string* name = nullptr;
    if (prepared) {
      if (auto it = prepared_.find(s.sql); it != prepared_.end()) {
        name = &it->second;
      } else if (auto p = preparing.find(s.sql); p != preparing.end()) {
        name = &p->second;
      } else if (prepared_.size() + preparing.size() < kMaxPreparedStatements) {
        std::string fresh = "graft_" + std::to_string(++next_statement_);
        if (PQsendPrepare(conn_, fresh.c_str(), s.sql.c_str(), n, nullptr) != 1) {
          co_return PipelineOutcome{std::unexpected(lost())};
        }
        steps.push_back({i, true, fresh});
        name = &preparing.emplace(s.sql, std::move(fresh)).first->second;
      }
    }
    const int format = s.binary_results ? 1 : 0;
    int sent =
        name ? PQsendQueryPrepared(conn_, name->c_str(), n, values.data(), nullptr, nullptr, format)
             : PQsendQueryParams(conn_, s.sql.c_str(), n, nullptr, values.data(), nullptr, nullptr,
                                 format);
    if (sent != 1) co_return PipelineOutcome{std::unexpected(lost())};
    steps.push_back({i, false, {}});
  }
  if (PQpipelineSync(conn_) != 1) co_return PipelineOutcome{std::unexpected(lost())};
  Status flushed = co_await flush();
  if (!flushed) co_return PipelineOutcome{std::unexpected(flushed.error())};

  PipelineOutcome outcome;
  std::vector<QueryResult> results(statements.size());
  std::optional<Error> error;
  for (const Step& step : steps) {
    const std::string& sql = statements[step.statement].sql;
    auto next = co_await nextResult();
    if (!next) co_return PipelineOutcome{std::unexpected(std::move(next).error())};
    ResultPtr result(*next);
    if (!result) {
      broken_ = true;
      co_return PipelineOutcome{
          std::unexpected(Error::unexpected("unexpected end of results from the database"))};
    }
    switch (PQresultStatus(result.get())) {
      case PGRES_COMMAND_OK:
      case PGRES_TUPLES_OK:
      case PGRES_EMPTY_QUERY:
        if (step.is_prepare) {
          prepared_.emplace(sql, step.name);
        } else {
          results[step.statement] = QueryResult(result.release());
        }
        break;
      case PGRES_FATAL_ERROR:
        if (!error) {
          error = errorFromResult(result.get(), sql);
          outcome.stale_prepared = !step.is_prepare && stalePreparedStatement(result.get());
        }
        break;
      case PGRES_PIPELINE_ABORTED:
        break;
      default:
        // COPY and friends cannot run in a pipeline; the protocol state is now unknown.
        broken_ = true;
        if (!error) {
          error = Error::postgresError("statement not supported in a pipeline: " +
                                       std::string(PQresStatus(PQresultStatus(result.get()))));
        }
        break;
    }
    if (broken_) co_return PipelineOutcome{std::unexpected(*error)};
    // Each command's results end with a null result.
    while (true) {
      auto end = co_await nextResult();
      if (!end) co_return PipelineOutcome{std::unexpected(std::move(end).error())};
      if (*end == nullptr) break;
      PQclear(*end);
    }
  }
  auto sync = co_await nextResult();
  if (!sync) co_return PipelineOutcome{std::unexpected(std::move(sync).error())};
  ResultPtr sync_result(*sync);
  if (!sync_result || PQresultStatus(sync_result.get()) != PGRES_PIPELINE_SYNC ||
      PQexitPipelineMode(conn_) != 1) {
    broken_ = true;
    co_return PipelineOutcome{
        std::unexpected(Error::unexpected("the database pipeline ended out of step"))};
  }
  if (error) {
    outcome.results = std::unexpected(std::move(*error));
  } else {
    outcome.results = std::move(results);
  }
  co_return outcome;
}

asio::awaitable<Result<std::vector<QueryResult>>> Connection::executeSimple(std::string sql) {
  if (!usable()) co_return std::unexpected(lost());
  if (PQsendQuery(conn_, sql.c_str()) != 1) {
    if (PQstatus(conn_) != CONNECTION_OK) co_return std::unexpected(lost());
    co_return std::unexpected(Error::unexpected("the database connection is busy")
                                  .withInternal(trimmed(PQerrorMessage(conn_))));
  }
  GRAFT_CO_CHECK(co_await flush());
  std::vector<QueryResult> results;
  std::optional<Error> error;
  while (true) {
    auto next = co_await nextResult();
    if (!next) co_return std::unexpected(std::move(next).error());
    if (*next == nullptr) break;
    ResultPtr result(*next);
    switch (PQresultStatus(result.get())) {
      case PGRES_FATAL_ERROR:
        if (!error) error = errorFromResult(result.get(), sql);
        break;
      case PGRES_COPY_IN: {
        Status refused = co_await refuseCopyIn();
        if (!refused) co_return std::unexpected(refused.error());
        break;
      }
      case PGRES_COPY_OUT: {
        Status drained = co_await drainCopyOut();
        if (!drained) co_return std::unexpected(drained.error());
        break;
      }
      case PGRES_COPY_BOTH:
        co_return std::unexpected(lost());
      default:
        results.emplace_back(result.release());
        break;
    }
  }
  if (error) co_return std::unexpected(std::move(*error));
  co_return results;
}

asio::awaitable<Status> Connection::refuseCopyIn() {
  // The server then fails the COPY with our message, reported like any other error.
  while (true) {
    int queued = PQputCopyEnd(conn_, "COPY FROM STDIN is not supported");
    if (queued < 0) co_return std::unexpected(lost());
    if (queued == 1) break;
    GRAFT_CO_CHECK(co_await flush());
  }
  co_return co_await flush();
}

asio::awaitable<Status> Connection::drainCopyOut() {
  // COPY TO STDOUT has nowhere to go; read it to the end so the connection stays usable.
  while (true) {
    char* buffer = nullptr;
    int n = PQgetCopyData(conn_, &buffer, 1);
    if (n > 0) {
      PQfreemem(buffer);
      continue;
    }
    if (n < 0) co_return n == -1 ? ok() : Status(std::unexpected(lost()));
    Status ready = co_await socket_->wait(LibpqSocket::Want::kRead);
    if (!ready) {
      broken_ = true;
      co_return std::unexpected(ready.error());
    }
    if (PQconsumeInput(conn_) == 0) co_return std::unexpected(lost());
  }
}

}  // namespace graft::pg
