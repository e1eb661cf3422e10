// Router: maps (method, path) to an endpoint handler. Built once at start-up, then read-only
// and shared by every connection thread. Unknown paths and wrong methods get Hasura's 404.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string>
#include <vector>

#include "server/http_types.h"

namespace graft::server {

using Handler = std::function<boost::asio::awaitable<Response>(const Request&)>;

class Router {
 public:
  void add(std::string method, std::string path, Handler handler);

  // The handler for the request, or one answering Hasura's "resource does not exist".
  const Handler& route(const Request& request) const;

 private:
  struct Route {
    std::string method;
    std::string path;
    Handler handler;
  };
  std::vector<Route> routes_;
};

// Hasura's body for an unknown resource: {"path":"$","error":"resource does not exist",...}.
Response notFoundResponse();

}  // namespace graft::server
