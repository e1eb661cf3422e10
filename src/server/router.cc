#include "server/router.h"

#include "common/json.h"

namespace graft::server {

namespace {

boost::asio::awaitable<Response> respondNotFound(const Request&) { co_return notFoundResponse(); }

}  // namespace

Response notFoundResponse() {
  Error e = Error::notFound("resource does not exist");
  return Response::json(404, json::serialize(json::queryApiError(e)));
}

void Router::add(std::string method, std::string path, Handler handler) {
  routes_.push_back({std::move(method), std::move(path), std::move(handler)});
}

const Handler& Router::route(const Request& request) const {
  // A handful of fixed paths: a linear scan beats hashing at this size.
  for (const auto& r : routes_) {
    if (r.path == request.path &&
        (r.method == request.method || (request.method == "HEAD" && r.method == "GET"))) {
      return r.handler;
    }
  }
  static const Handler not_found = respondNotFound;
  return not_found;
}

}  // namespace graft::server
