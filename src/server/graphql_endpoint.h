// POST /v1/graphql (and the legacy /v1alpha1/graphql): the session from the request headers
// (admin secret, x-hasura-role, x-hasura-* variables, the unauthorized role), then the
// GraphqlEngine; and POST /v1/graphql/explain for admins. Registered once at start-up; handlers
// share the engine.
#pragma once

#include <memory>

#include "common/config.h"
#include "server/router.h"

namespace graft::execute {
class GraphqlEngine;
}

namespace graft::server {

void addGraphqlEndpoint(Router& router, const ServerConfig& config,
                        std::shared_ptr<execute::GraphqlEngine> engine);

}  // namespace graft::server
