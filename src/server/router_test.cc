#include "server/router.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

namespace graft::server {
namespace {

namespace asio = boost::asio;

Response run(const Router& router, const Request& req) {
  asio::io_context ioc;
  auto future = asio::co_spawn(ioc, router.route(req)(req), asio::use_future);
  ioc.run();
  return future.get();
}

Request make(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

TEST(RouterTest, RoutesByMethodAndPath) {
  Router router;
  router.add("GET", "/v1/version", [](const Request&) -> asio::awaitable<Response> {
    co_return Response::json(200, R"({"version":"x"})");
  });
  EXPECT_EQ(run(router, make("GET", "/v1/version")).body, R"({"version":"x"})");
  EXPECT_EQ(run(router, make("HEAD", "/v1/version")).status, 200);
}

TEST(RouterTest, UnknownPathsAndWrongMethodsGetHasurasNotFound) {
  Router router;
  router.add("POST", "/v1/graphql", [](const Request&) -> asio::awaitable<Response> {
    co_return Response::json(200, "{}");
  });
  for (const auto& req : {make("GET", "/v1/graphql"), make("POST", "/nope")}) {
    Response r = run(router, req);
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.body, R"({"path":"$","error":"resource does not exist","code":"not-found"})");
  }
}

}  // namespace
}  // namespace graft::server
