#include "http/client.h"

#include <openssl/ssl.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <mutex>
#include <tuple>

#include "common/version.h"

namespace graft::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Target {
  bool tls = false;
  std::string host;
  std::string port;
  std::string host_header;
  std::string path_and_query;
};

Result<Target> parseUrl(const std::string& text) {
  auto parsed = boost::urls::parse_uri(text);
  if (!parsed) return std::unexpected(Error::unexpected("invalid URL \"" + text + "\""));
  Target t;
  std::string scheme = lower(parsed->scheme());
  if (scheme != "http" && scheme != "https") {
    return std::unexpected(Error::unexpected("unsupported URL scheme in \"" + text + "\""));
  }
  t.tls = scheme == "https";
  t.host = parsed->host_address();
  if (t.host.empty()) return std::unexpected(Error::unexpected("no host in URL \"" + text + "\""));
  t.port = parsed->has_port() ? std::string(parsed->port()) : (t.tls ? "443" : "80");
  t.host_header = std::string(parsed->encoded_host_and_port());
  t.path_and_query = parsed->encoded_path().empty() ? "/" : std::string(parsed->encoded_path());
  if (parsed->has_query()) t.path_and_query += "?" + std::string(parsed->encoded_query());
  return t;
}

// One exchange's I/O objects and its deadline. Shared with the deadline's handler, which may
// run after the exchange returned; the strand keeps the two from running at once.
struct Connection {
  Connection(asio::any_io_executor ex, ssl::context& tls)
      : resolver(ex), stream(ex, tls), timer(ex) {}
  tcp::resolver resolver;
  ssl::stream<tcp::socket> stream;
  asio::steady_timer timer;
  bool fired = false;
};

template <typename Stream>
asio::awaitable<Result<ClientResponse>> roundTrip(Stream& stream,
                                                  bhttp::request<bhttp::string_body>& request,
                                                  size_t max_bytes, const std::string& url) {
  auto [wec, written] = co_await bhttp::async_write(stream, request, kTuple);
  (void)written;
  if (wec) {
    co_return std::unexpected(
        Error::unexpected("sending the request to " + url + " failed: " + wec.message()));
  }
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(max_bytes);
  auto [rec, read] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
  (void)read;
  if (rec) {
    co_return std::unexpected(
        Error::unexpected("reading the response of " + url + " failed: " + rec.message()));
  }
  auto message = parser.release();
  ClientResponse response;
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    response.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
  }
  response.body = std::move(message.body());
  co_return response;
}

}  // namespace

std::optional<std::string_view> ClientResponse::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return std::nullopt;
}

struct HttpClient::Impl {
  ssl::context tls{ssl::context::tls_client};
  bool verify_peer = true;
  // The system's trusted certificates, read on the first https exchange rather than at start-up
  // (reading them costs tens of milliseconds, and most servers never call out over TLS).
  std::once_flag trust_loaded;

  asio::awaitable<Result<ClientResponse>> exchange(ClientRequest request);
  asio::awaitable<Result<ClientResponse>> exchangeOrThrow(const ClientRequest& request,
                                                          const Target& target, Connection& conn);
};

HttpClient::HttpClient(bool verify_peer) : impl_(std::make_unique<Impl>()) {
  impl_->verify_peer = verify_peer;
  impl_->tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                         ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                         ssl::context::no_tlsv1_1);
  impl_->tls.set_verify_mode(verify_peer ? ssl::verify_peer : ssl::verify_none);
}

HttpClient::~HttpClient() = default;

asio::awaitable<Result<ClientResponse>> HttpClient::send(ClientRequest request) {
  // One strand per exchange: the watchdog's handler and the I/O never run at once.
  auto strand = asio::make_strand(co_await asio::this_coro::executor);
  auto exchange = asio::co_spawn(strand, impl_->exchange(std::move(request)), asio::use_awaitable);
  Result<ClientResponse> result = co_await std::move(exchange);
  co_return result;
}

asio::awaitable<Result<ClientResponse>> HttpClient::Impl::exchange(ClientRequest request) {
  auto target = parseUrl(request.url);
  if (!target) co_return std::unexpected(target.error());
  if (target->tls) {
    std::call_once(trust_loaded, [this] {
      error_code ignored;  // without them, verification fails and says so
      (void)tls.set_default_verify_paths(ignored);
    });
  }
  auto conn = std::make_shared<Connection>(co_await asio::this_coro::executor, tls);
  conn->timer.expires_after(request.timeout);
  conn->timer.async_wait([conn](const error_code& ec) {
    if (ec) return;  // cancelled: the exchange ended in time
    conn->fired = true;
    conn->resolver.cancel();
    error_code ignored;
    conn->stream.next_layer().close(ignored);
  });
  Result<ClientResponse> result = std::unexpected(Error::unexpected("no response"));
  try {
    result = co_await exchangeOrThrow(request, *target, *conn);
  } catch (const std::exception& e) {
    result = std::unexpected(
        Error::unexpected("request to " + request.url + " failed: " + std::string(e.what())));
  }
  conn->timer.cancel();
  if (conn->fired && !result) {
    co_return std::unexpected(Error::timeout("request to " + request.url + " timed out after " +
                                             std::to_string(request.timeout.count()) + " ms"));
  }
  co_return result;
}

asio::awaitable<Result<ClientResponse>> HttpClient::Impl::exchangeOrThrow(
    const ClientRequest& request, const Target& target, Connection& conn) {
  tcp::resolver& resolver = conn.resolver;
  ssl::stream<tcp::socket>& tls_stream = conn.stream;
  tcp::socket& socket = tls_stream.next_layer();

  auto [rec, endpoints] = co_await resolver.async_resolve(target.host, target.port, kTuple);
  if (rec) {
    co_return std::unexpected(
        Error::unexpected("cannot resolve " + target.host + ": " + rec.message()));
  }
  auto [cec, endpoint] = co_await asio::async_connect(socket, endpoints, kTuple);
  (void)endpoint;
  if (cec) {
    co_return std::unexpected(Error::unexpected("connection to " + target.host + ":" + target.port +
                                                " failed: " + cec.message()));
  }

  bhttp::request<bhttp::string_body> message;
  message.method_string(request.method);
  message.target(target.path_and_query);
  message.version(11);
  message.set(bhttp::field::host, target.host_header);
  message.set(bhttp::field::user_agent, std::string("graft/") + kVersion);
  message.set(bhttp::field::connection, "close");
  for (const auto& [name, value] : request.headers) message.insert(name, value);
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT" ||
      request.method == "PATCH") {
    message.body() = request.body;
    message.prepare_payload();
  }

  Result<ClientResponse> response = std::unexpected(Error::unexpected("no response"));
  if (target.tls) {
    if (SSL_set_tlsext_host_name(tls_stream.native_handle(), target.host.c_str()) != 1) {
      co_return std::unexpected(Error::unexpected("cannot set TLS SNI for " + target.host));
    }
    if (verify_peer) tls_stream.set_verify_callback(ssl::host_name_verification(target.host));
    auto [hec] = co_await tls_stream.async_handshake(ssl::stream_base::client, kTuple);
    if (hec) {
      co_return std::unexpected(
          Error::unexpected("TLS handshake with " + target.host + " failed: " + hec.message()));
    }
    response = co_await roundTrip(tls_stream, message, request.max_response_bytes, request.url);
  } else {
    response = co_await roundTrip(socket, message, request.max_response_bytes, request.url);
  }
  error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
  co_return response;
}

}  // namespace graft::http
