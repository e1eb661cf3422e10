// Connection::connect: libpq's asynchronous connection (PQconnectStartParams + PQconnectPoll)
// driven by socket readiness, with a deadline.
#include <libpq-fe.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "pg/connection.h"
#include "pg/libpq_socket.h"

namespace graft::pg {

namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;

namespace {

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  return std::string(text);
}

bool tooManyConnections(std::string_view message) {
  // libpq gives no SQLSTATE for a refused startup; these are the server's 53300 texts.
  for (std::string_view marker :
       {"too many clients already", "remaining connection slots are", "too many connections for"}) {
    if (message.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

// Startup parameters: the user's conninfo, with statement_timeout appended to `options` and a
// UTF-8 client encoding unless the user chose one.
struct Params {
  std::vector<std::string> keys;
  std::vector<std::string> values;
};

Result<Params> connectParams(const ConnectOptions& options) {
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(options.conninfo.c_str(), &parse_error);
  if (parsed == nullptr) {
    std::string detail = parse_error ? trimmed(parse_error) : "out of memory";
    PQfreemem(parse_error);
    return std::unexpected(
        Error::connectionError("invalid database connection string").withInternal(detail));
  }
  Params params;
  std::string user_options;
  bool has_encoding = false;
  for (PQconninfoOption* o = parsed; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    std::string_view keyword = o->keyword;
    if (keyword == "options") {
      user_options = o->val;
      continue;
    }
    if (keyword == "client_encoding") has_encoding = true;
    params.keys.emplace_back(keyword);
    params.values.emplace_back(o->val);
  }
  PQconninfoFree(parsed);

  if (options.statement_timeout) {
    if (!user_options.empty()) user_options += ' ';
    user_options += "-c statement_timeout=" + std::to_string(options.statement_timeout->count());
  }
  if (!user_options.empty()) {
    params.keys.emplace_back("options");
    params.values.push_back(std::move(user_options));
  }
  if (!has_encoding) {
    params.keys.emplace_back("client_encoding");
    params.values.emplace_back("UTF8");
  }
  params.keys.emplace_back("fallback_application_name");
  params.values.emplace_back("graft");
  return params;
}

struct Finish {
  void operator()(pg_conn* conn) const { PQfinish(conn); }
};

void ignoreNotice(void*, const char*) {}

}  // namespace

Error connectFailure(std::string_view libpq_message) {
  std::string detail = trimmed(libpq_message);
  if (tooManyConnections(detail)) {
    return Error::postgresMaxConnections("the database server has too many connections")
        .withInternal(detail);
  }
  return Error::connectionError("database connection error").withInternal(detail);
}

asio::awaitable<Result<std::unique_ptr<Connection>>> Connection::connect(
    asio::any_io_executor executor, ConnectOptions options) {
  GRAFT_CO_TRY(Params params, connectParams(options));
  std::vector<const char*> keys;
  std::vector<const char*> values;
  for (size_t i = 0; i < params.keys.size(); ++i) {
    keys.push_back(params.keys[i].c_str());
    values.push_back(params.values[i].c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);

  std::unique_ptr<pg_conn, Finish> conn(PQconnectStartParams(keys.data(), values.data(), 0));
  if (!conn) co_return std::unexpected(connectFailure("out of memory"));
  if (PQstatus(conn.get()) == CONNECTION_BAD) {
    co_return std::unexpected(connectFailure(PQerrorMessage(conn.get())));
  }
  PQsetNoticeProcessor(conn.get(), &ignoreNotice, nullptr);

  auto deadline = Clock::now() + options.connect_timeout;
  asio::steady_timer timer(executor);
  std::unique_ptr<LibpqSocket> socket;
  PostgresPollingStatusType poll = PGRES_POLLING_WRITING;
  while (poll != PGRES_POLLING_OK) {
    if (poll == PGRES_POLLING_FAILED) {
      co_return std::unexpected(connectFailure(PQerrorMessage(conn.get())));
    }
    // libpq may close and reopen its socket between steps (next host, SSL or GSS fallback),
    // possibly under the same number, so register the current one afresh at every step.
    socket.reset();
    int fd = PQsocket(conn.get());
    if (fd < 0) co_return std::unexpected(connectFailure(PQerrorMessage(conn.get())));
    socket = std::make_unique<LibpqSocket>(executor, fd);
    timer.expires_at(deadline);
    auto want =
        poll == PGRES_POLLING_READING ? LibpqSocket::Want::kRead : LibpqSocket::Want::kWrite;
    auto ready =
        co_await (socket->wait(want) || timer.async_wait(asio::as_tuple(asio::use_awaitable)));
    if (ready.index() == 1) {
      co_return std::unexpected(connectFailure("timeout expired after " +
                                               std::to_string(options.connect_timeout.count()) +
                                               " ms while connecting to the database"));
    }
    Status waited = std::get<0>(ready);
    if (!waited) co_return std::unexpected(waited.error());
    poll = PQconnectPoll(conn.get());
  }
  socket.reset();
  if (PQsetnonblocking(conn.get(), 1) != 0) {
    co_return std::unexpected(connectFailure(PQerrorMessage(conn.get())));
  }
  int fd = PQsocket(conn.get());
  socket = std::make_unique<LibpqSocket>(executor, fd);
  co_return std::unique_ptr<Connection>(new Connection(conn.release(), std::move(socket)));
}

}  // namespace graft::pg
