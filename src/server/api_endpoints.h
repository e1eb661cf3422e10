// The metadata and query API endpoints: POST /v1/metadata, /v1/query and /v2/query, answering
// with the MetadataService's JSON or Hasura's {"path","error","code"} error. The Authenticator
// gives each request its session; only the admin role may use them, except the legacy data
// commands of /v1/query, which run in the request's role. Registered once at start-up;
// handlers only read the shared pointers.
#pragma once

#include <memory>

#include "common/config.h"
#include "server/router.h"

namespace graft::metadata {
class MetadataService;
}
namespace graft::execute {
class GraphqlEngine;
}
namespace graft::auth {
class Authenticator;
}

namespace graft::server {

void addApiEndpoints(Router& router, const ServerConfig& config,
                     std::shared_ptr<metadata::MetadataService> service,
                     std::shared_ptr<execute::GraphqlEngine> engine,
                     std::shared_ptr<auth::Authenticator> authenticator);

}  // namespace graft::server
