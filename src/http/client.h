// HttpClient: one outgoing HTTP/1.1 request (http:// or https://) → status, headers, body, over
// Beast, for auth webhooks, JWK sets, remote schemas and actions. https verifies the peer
// against the system CA store and sends SNI. Stateless apart from a TLS context; any thread.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace graft::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct ClientRequest {
  std::string method = "GET";
  std::string url;     // http://host[:port]/path?query or https://...
  HeaderList headers;  // sent as given; Host, Content-Length and User-Agent are added
  std::string body;
  // The whole exchange (resolve, connect, TLS handshake, write, read) must end by then.
  std::chrono::milliseconds timeout{30000};
  size_t max_response_bytes = 16 * 1024 * 1024;
};

struct ClientResponse {
  int status = 0;
  HeaderList headers;  // names lower-cased
  std::string body;

  // The first header of that name (given in lower case), if any.
  std::optional<std::string_view> header(std::string_view lower_name) const;
};

class HttpClient {
 public:
  // `verify_peer` false only for tests against self-signed peers.
  explicit HttpClient(bool verify_peer = true);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Never throws: a bad URL, a network failure or a timeout is an Error (code "unexpected",
  // or "timeout"), its message saying which.
  boost::asio::awaitable<Result<ClientResponse>> send(ClientRequest request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace graft::http
