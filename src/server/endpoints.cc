#include "server/endpoints.h"

#include <boost/json/object.hpp>

#include "common/json.h"
#include "common/log.h"
#include "common/version.h"
#include "pg/pool.h"

namespace graft::server {

namespace {

namespace asio = boost::asio;

// Hasura's /healthz: 200 "OK" while the metadata database answers, 500 "ERROR" otherwise.
asio::awaitable<Response> healthz(std::shared_ptr<pg::Pool> pool) {
  // Named, not a braced temporary inside co_await: GCC 12 destroys those twice.
  pg::Statement ping("SELECT 1");
  auto result = co_await pool->execute(std::move(ping));
  if (!result) {
    log::error("health-check-log", "metadata-database", result.error().message());
    co_return Response::text(500, "ERROR");
  }
  co_return Response::text(200, "OK");
}

Response version() {
  boost::json::object body;
  body["version"] = kVersion;
  return Response::json(200, json::serialize(body));
}

}  // namespace

void addCoreEndpoints(Router& router, EndpointContext context) {
  auto pool = context.metadata_pool;
  router.add("GET", "/healthz",
             [pool](const Request&) -> asio::awaitable<Response> { return healthz(pool); });
  router.add("GET", "/v1/version",
             [](const Request&) -> asio::awaitable<Response> { co_return version(); });
}

}  // namespace graft::server
