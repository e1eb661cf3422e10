#include "http/client.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/asio/write.hpp>
#include <thread>

namespace graft::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// A one-shot HTTP peer on 127.0.0.1:0: reads one request head and answers `reply` (or nothing
// when `reply` is empty, to provoke a timeout). Runs on its own thread.
class OneShotServer {
 public:
  explicit OneShotServer(std::string reply)
      : acceptor_(ioc_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)),
        reply_(std::move(reply)) {
    thread_ = std::thread([this] {
      tcp::socket socket(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec) return;
      asio::streambuf buffer;
      asio::read_until(socket, buffer, "\r\n\r\n", ec);
      std::istream in(&buffer);
      std::getline(in, request_line_);
      if (reply_.empty()) {
        char c;
        socket.read_some(asio::buffer(&c, 1), ec);  // until the client gives up
        return;
      }
      asio::write(socket, asio::buffer(reply_), ec);
    });
  }
  ~OneShotServer() {
    boost::system::error_code ec;
    acceptor_.close(ec);
    thread_.join();
  }
  std::string url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) +
           std::string(path);
  }
  const std::string& requestLine() const { return request_line_; }

 private:
  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  std::string reply_;
  std::string request_line_;
  std::thread thread_;
};

// A one-shot HTTPS peer with a self-signed certificate for "localhost", made on the spot.
// Records the SNI name the client sent.
class TlsServer {
 public:
  TlsServer()
      : tls_(asio::ssl::context::tls_server),
        acceptor_(ioc_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());
    SSL_CTX_use_certificate(tls_.native_handle(), cert);
    SSL_CTX_use_PrivateKey(tls_.native_handle(), key);
    X509_free(cert);
    EVP_PKEY_free(key);
    thread_ = std::thread([this] {
      asio::ssl::stream<tcp::socket> stream(ioc_, tls_);
      boost::system::error_code ec;
      acceptor_.accept(stream.next_layer(), ec);
      if (ec) return;
      stream.handshake(asio::ssl::stream_base::server, ec);
      if (ec) return;
      const char* sni = SSL_get_servername(stream.native_handle(), TLSEXT_NAMETYPE_host_name);
      sni_ = sni ? sni : "";
      asio::streambuf buffer;
      asio::read_until(stream, buffer, "\r\n\r\n", ec);
      asio::write(stream,
                  asio::buffer(std::string("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")), ec);
      stream.shutdown(ec);
    });
  }
  ~TlsServer() {
    boost::system::error_code ec;
    acceptor_.close(ec);
    thread_.join();
  }
  std::string url() const {
    return "https://localhost:" + std::to_string(acceptor_.local_endpoint().port()) + "/";
  }
  const std::string& sni() const { return sni_; }

 private:
  asio::io_context ioc_;
  asio::ssl::context tls_;
  tcp::acceptor acceptor_;
  std::string sni_;
  std::thread thread_;
};

Result<ClientResponse> run(HttpClient& client, ClientRequest request) {
  asio::io_context ioc;
  auto future = asio::co_spawn(ioc, client.send(std::move(request)), asio::use_future);
  ioc.run();
  return future.get();
}

TEST(HttpClientTest, GetsStatusHeadersAndBody) {
  OneShotServer server(
      "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nCache-Control: max-age=5\r\n"
      "Content-Length: 7\r\n\r\n{\"a\":1}");
  HttpClient client;
  ClientRequest request;
  request.url = server.url("/keys?x=1");
  auto response = run(client, request);
  ASSERT_TRUE(response.has_value()) << response.error().message();
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->body, "{\"a\":1}");
  EXPECT_EQ(response->header("cache-control"), "max-age=5");
  EXPECT_EQ(server.requestLine(), "GET /keys?x=1 HTTP/1.1\r");
}

TEST(HttpClientTest, PostsABody) {
  OneShotServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  HttpClient client;
  ClientRequest request;
  request.method = "POST";
  request.url = server.url("");
  request.body = "{}";
  request.headers.emplace_back("Content-Type", "application/json");
  auto response = run(client, request);
  ASSERT_TRUE(response.has_value()) << response.error().message();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(server.requestLine(), "POST / HTTP/1.1\r");
}

TEST(HttpClientTest, TimesOutWhenThePeerNeverAnswers) {
  OneShotServer server("");
  HttpClient client;
  ClientRequest request;
  request.url = server.url("/");
  request.timeout = std::chrono::milliseconds(200);
  auto response = run(client, request);
  ASSERT_FALSE(response.has_value());
  EXPECT_EQ(response.error().code(), "timeout");
}

TEST(HttpClientTest, RefusedConnectionAndBadUrlsAreErrors) {
  HttpClient client;
  ClientRequest request;
  {
    // A port that was free a moment ago: nobody listens there.
    asio::io_context ioc;
    tcp::acceptor probe(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    request.url = "http://127.0.0.1:" + std::to_string(probe.local_endpoint().port()) + "/";
  }
  auto refused = run(client, request);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("failed"), std::string::npos);
  for (const char* url : {"not a url", "ftp://example.com/x", "http:///nohost"}) {
    request.url = url;
    auto bad = run(client, request);
    ASSERT_FALSE(bad.has_value()) << url;
  }
}

TEST(HttpClientTest, OversizedResponsesAreRefused) {
  OneShotServer server("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + std::string(100, 'x'));
  HttpClient client;
  ClientRequest request;
  request.url = server.url("/");
  request.max_response_bytes = 10;
  auto response = run(client, request);
  EXPECT_FALSE(response.has_value());
}

TEST(HttpClientTest, HttpsVerifiesThePeerAndSendsSni) {
  {
    // A self-signed certificate is not in the system CA store: refused.
    TlsServer server;
    HttpClient client;
    ClientRequest request;
    request.url = server.url();
    request.timeout = std::chrono::milliseconds(5000);
    auto response = run(client, request);
    ASSERT_FALSE(response.has_value());
    EXPECT_NE(response.error().message().find("TLS handshake"), std::string::npos)
        << response.error().message();
  }
  TlsServer server;
  HttpClient trusting(false);
  ClientRequest request;
  request.url = server.url();
  request.timeout = std::chrono::milliseconds(5000);
  auto response = run(trusting, request);
  ASSERT_TRUE(response.has_value()) << response.error().message();
  EXPECT_EQ(response->body, "ok");
  EXPECT_EQ(server.sni(), "localhost");
}

}  // namespace
}  // namespace graft::http
