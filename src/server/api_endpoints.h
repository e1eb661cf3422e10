// The metadata and query API endpoints: POST /v1/metadata, /v1/query and /v2/query, admin
// only, answering with the MetadataService's JSON or Hasura's {"path","error","code"} error.
// Registered once at start-up; handlers only read the shared service pointer.
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

namespace graft::server {

void addApiEndpoints(Router& router, const ServerConfig& config,
                     std::shared_ptr<metadata::MetadataService> service,
                     std::shared_ptr<execute::GraphqlEngine> engine);

}  // namespace graft::server
