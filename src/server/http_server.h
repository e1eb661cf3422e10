// HttpServer: HTTP/1.1 with keep-alive on Boost.Beast. Each connection is a coroutine on its
// own strand of the shared io_context; requests go to the Router, and CORS is applied to every
// response. listen()/start() are called once from the main thread; shutdown() may be awaited
// from any coroutine. The server must outlive the io_context's threads.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "common/result.h"
#include "server/cors.h"
#include "server/router.h"

namespace boost::asio {
class io_context;
}

namespace graft::server {

struct HttpServerOptions {
  std::string host = "*";  // "*" listens on every interface, as Hasura's default does
  uint16_t port = 8080;    // 0 picks a free port (tests)
  size_t max_body_bytes = 100 * 1024 * 1024;
  size_t max_header_bytes = 64 * 1024;
  std::chrono::seconds idle_timeout{75};
};

class HttpServer {
 public:
  HttpServer(boost::asio::io_context& ioc, HttpServerOptions options, const Router& router,
             const CorsPolicy& cors);
  ~HttpServer();

  // Binds and listens; returns the bound port (useful with port 0).
  Result<uint16_t> listen();

  // Starts accepting connections on the io_context.
  void start();

  // Graceful stop: no new connections, idle keep-alive connections closed, requests in
  // flight finish and their connections close; after `grace`, the rest are cut.
  boost::asio::awaitable<void> shutdown(std::chrono::milliseconds grace);

  // Opaque state, shared with the connection coroutines so that it outlives them.
  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace graft::server
