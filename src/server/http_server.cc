#include "server/http_server.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/object.hpp>
#include <mutex>
#include <random>
#include <unordered_set>

#include "common/json.h"
#include "common/log.h"

namespace graft::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kUseAwaitable = asio::as_tuple(asio::use_awaitable);

// One client connection. `idle` is true while the session waits for the next request; the
// shutdown path reads it under Impl::mutex to decide whether the read may be cancelled.
struct Session {
  explicit Session(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool idle = true;
};

std::string newRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  uint64_t a = rng(), b = rng();
  // A version-4 UUID, as Hasura generates for x-request-id.
  a = (a & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xffff),
                static_cast<unsigned>(b >> 48),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

Response errorResponse(const Error& error) {
  return Response::json(error.httpStatus(), json::serialize(json::queryApiError(error)));
}

void logRequest(const Request& req, const Response& res, double seconds) {
  log::Level level = res.status >= 400 ? log::Level::kError : log::Level::kInfo;
  if (!log::enabled(level, "http-log")) return;
  boost::json::object http_info;
  http_info["status"] = res.status;
  http_info["http_version"] = "HTTP/1.1";
  http_info["url"] = req.path;
  http_info["ip"] = req.remote_ip;
  http_info["method"] = req.method;
  http_info["content_encoding"] = nullptr;
  boost::json::object operation;
  operation["request_id"] = req.request_id;
  operation["response_size"] = res.body.size();
  operation["request_size"] = req.body.size();
  operation["query_execution_time"] = seconds;
  boost::json::object detail;
  detail["operation"] = std::move(operation);
  detail["request_id"] = req.request_id;
  detail["http_info"] = std::move(http_info);
  log::write(level, "http-log", detail);
}

}  // namespace

struct HttpServer::Impl {
  Impl(asio::io_context& ioc_in, HttpServerOptions options_in, const Router& router_in,
       const CorsPolicy& cors_in)
      : ioc(ioc_in),
        options(std::move(options_in)),
        router(router_in),
        cors(cors_in),
        acceptor(asio::make_strand(ioc_in)) {}

  asio::io_context& ioc;
  HttpServerOptions options;
  const Router& router;
  const CorsPolicy& cors;
  tcp::acceptor acceptor;

  std::mutex mutex;
  bool stopping = false;
  std::unordered_set<std::shared_ptr<Session>> sessions;
};

namespace {

using ImplPtr = std::shared_ptr<HttpServer::Impl>;

asio::awaitable<Response> dispatch(const HttpServer::Impl& impl, const Request& request) {
  if (request.method == "OPTIONS") co_return impl.cors.preflight(request);
  Response response;
  try {
    response = co_await impl.router.route(request)(request);
  } catch (const std::exception& e) {
    // Exceptions end at this edge: the client gets Hasura's error and the server lives on.
    log::error("http-log", "unhandled-exception", e.what());
    response = errorResponse(Error::unexpected("internal error"));
  }
  impl.cors.apply(request, response);
  co_return response;
}

Request toRequest(const http::request<http::string_body>& msg, const std::string& ip) {
  Request req;
  req.method = std::string(msg.method_string());
  std::string_view target = msg.target();
  auto q = target.find('?');
  req.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) req.query = std::string(target.substr(q + 1));
  for (const auto& field : msg) req.headers.add(field.name_string(), field.value());
  req.body = msg.body();
  req.remote_ip = ip;
  auto given = req.headers.get("x-request-id");
  req.request_id = given ? std::string(*given) : newRequestId();
  return req;
}

http::response<http::string_body> toMessage(Response&& res, const Request& req, bool keep_alive) {
  http::response<http::string_body> msg{static_cast<http::status>(res.status), 11};
  msg.set(http::field::content_type, res.content_type);
  msg.set("x-request-id", req.request_id);
  for (auto& [name, value] : res.headers) msg.insert(name, value);
  msg.keep_alive(keep_alive);
  msg.body() = std::move(res.body);
  msg.prepare_payload();
  if (req.method == "HEAD") {
    auto length = msg.body().size();
    msg.body().clear();
    msg.content_length(length);
  }
  return msg;
}

asio::awaitable<void> writeError(std::shared_ptr<Session> s, const Error& error) {
  Request none;
  none.request_id = newRequestId();
  auto msg = toMessage(errorResponse(error), none, false);
  co_await http::async_write(s->stream, msg, kUseAwaitable);
}

// Marks the session idle (waiting for a request) or busy; returns false once the server is
// stopping, in which case the session should close instead of reading another request.
bool setIdle(HttpServer::Impl& impl, Session& s, bool idle) {
  std::lock_guard lock(impl.mutex);
  s.idle = idle;
  return !impl.stopping;
}

asio::awaitable<void> runSession(ImplPtr impl, std::shared_ptr<Session> s) {
  beast::flat_buffer buffer;
  std::string ip;
  {
    boost::system::error_code ec;
    auto endpoint = s->stream.socket().remote_endpoint(ec);
    if (!ec) {
      auto address = endpoint.address();
      // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; log them as a.b.c.d.
      if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
      }
      ip = address.to_string();
    }
  }
  while (setIdle(*impl, *s, true)) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(impl->options.max_body_bytes);
    parser.header_limit(static_cast<uint32_t>(impl->options.max_header_bytes));
    s->stream.expires_after(impl->options.idle_timeout);
    auto [ec, n] = co_await http::async_read_header(s->stream, buffer, parser, kUseAwaitable);
    if (!setIdle(*impl, *s, false) && ec) break;
    if (!ec && parser.get()[http::field::expect] == "100-continue") {
      http::response<http::empty_body> cont{http::status::continue_, 11};
      std::tie(ec, n) = co_await http::async_write(s->stream, cont, kUseAwaitable);
    }
    if (!ec && !parser.is_done()) {
      std::tie(ec, n) = co_await http::async_read(s->stream, buffer, parser, kUseAwaitable);
    }
    if (ec == http::error::body_limit) {
      co_await writeError(
          s, Error::payloadTooLarge("request body is larger than the limit of " +
                                    std::to_string(impl->options.max_body_bytes) + " bytes"));
      break;
    }
    if (ec == http::error::header_limit) {
      co_await writeError(s, Error::badRequest("request headers are too large").withStatus(431));
      break;
    }
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      break;
    }
    if (ec) {
      if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
        co_await writeError(s, Error::badRequest("malformed HTTP request: " + ec.message()));
      }
      break;
    }
    s->stream.expires_never();
    auto started = Clock::now();
    Request request = toRequest(parser.get(), ip);
    Response response = co_await dispatch(*impl, request);
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    bool keep_alive = parser.get().keep_alive();
    {
      std::lock_guard lock(impl->mutex);
      if (impl->stopping) keep_alive = false;
    }
    if (request.path != "/healthz") logRequest(request, response, seconds);
    auto msg = toMessage(std::move(response), request, keep_alive);
    s->stream.expires_after(impl->options.idle_timeout);
    auto [wec, wn] = co_await http::async_write(s->stream, msg, kUseAwaitable);
    if (wec || !keep_alive) break;
  }
  boost::system::error_code ignored;
  s->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  s->stream.socket().close(ignored);
  std::lock_guard lock(impl->mutex);
  impl->sessions.erase(s);
}

asio::awaitable<void> acceptLoop(ImplPtr impl) {
  for (;;) {
    auto [ec, socket] =
        co_await impl->acceptor.async_accept(asio::make_strand(impl->ioc), kUseAwaitable);
    if (ec == asio::error::operation_aborted || !impl->acceptor.is_open()) co_return;
    if (ec) {
      // Out of file descriptors and the like: log, breathe, keep serving.
      log::error("http-log", "accept-failed", ec.message());
      asio::steady_timer pause(impl->acceptor.get_executor(), std::chrono::milliseconds(50));
      co_await pause.async_wait(kUseAwaitable);
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto session = std::make_shared<Session>(std::move(socket));
    {
      std::lock_guard lock(impl->mutex);
      if (impl->stopping) continue;
      impl->sessions.insert(session);
    }
    auto executor = session->stream.get_executor();
    asio::co_spawn(executor, runSession(impl, session), asio::detached);
  }
}

void closeSessions(const ImplPtr& impl, bool idle_only) {
  std::lock_guard lock(impl->mutex);
  for (const auto& s : impl->sessions) {
    if (idle_only && !s->idle) continue;
    // Posted to the session's strand: the stream is not thread-safe.
    asio::post(s->stream.get_executor(), [s] { s->stream.cancel(); });
  }
}

}  // namespace

HttpServer::HttpServer(asio::io_context& ioc, HttpServerOptions options, const Router& router,
                       const CorsPolicy& cors)
    : impl_(std::make_shared<Impl>(ioc, std::move(options), router, cors)) {}

HttpServer::~HttpServer() = default;

Result<uint16_t> HttpServer::listen() {
  boost::system::error_code ec;
  const std::string& host = impl_->options.host;
  tcp::endpoint endpoint;
  if (host == "*" || host.empty()) {
    endpoint = tcp::endpoint(tcp::v6(), impl_->options.port);
  } else {
    auto address = asio::ip::make_address(host, ec);
    if (ec) {
      return std::unexpected(Error::validationFailed("invalid server host \"" + host +
                                                     "\": expected an IP address or *"));
    }
    endpoint = tcp::endpoint(address, impl_->options.port);
  }
  auto& acc = impl_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec && endpoint.protocol() == tcp::v6() && (host == "*" || host.empty())) {
    acc.set_option(asio::ip::v6_only(false), ec);
  }
  if (!ec) acc.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return std::unexpected(Error::unexpected("cannot listen on " + host + ":" +
                                             std::to_string(impl_->options.port) + ": " +
                                             ec.message()));
  }
  return acc.local_endpoint().port();
}

void HttpServer::start() {
  asio::co_spawn(impl_->acceptor.get_executor(), acceptLoop(impl_), asio::detached);
}

asio::awaitable<void> HttpServer::shutdown(std::chrono::milliseconds grace) {
  ImplPtr impl = impl_;
  {
    std::lock_guard lock(impl->mutex);
    impl->stopping = true;
  }
  asio::post(impl->acceptor.get_executor(), [impl] {
    boost::system::error_code ignored;
    impl->acceptor.close(ignored);
  });
  closeSessions(impl, /*idle_only=*/true);
  auto deadline = Clock::now() + grace;
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    {
      std::lock_guard lock(impl->mutex);
      if (impl->sessions.empty()) break;
    }
    if (Clock::now() >= deadline) {
      log::warn("startup", "shutdown", "grace period over; closing connections still busy");
      closeSessions(impl, /*idle_only=*/false);
      break;
    }
    timer.expires_after(std::chrono::milliseconds(10));
    co_await timer.async_wait(kUseAwaitable);
  }
}

}  // namespace graft::server
