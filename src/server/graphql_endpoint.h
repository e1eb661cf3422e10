// POST /v1/graphql (and the legacy /v1alpha1/graphql): the session from the Authenticator
// (admin secret, JWT, auth webhook, unauthorized role), then the GraphqlEngine; and POST
// /v1/graphql/explain for admins. An authentication error is a GraphQL error answered with
// 200 on /v1/graphql (its own status on /v1alpha1/graphql), as Hasura does. Registered once at
// start-up; handlers share the engine and the authenticator.
#pragma once

#include <memory>

#include "common/config.h"
#include "server/router.h"

namespace graft::execute {
class GraphqlEngine;
}
namespace graft::auth {
class Authenticator;
}

namespace graft::server {

void addGraphqlEndpoint(Router& router, const ServerConfig& config,
                        std::shared_ptr<execute::GraphqlEngine> engine,
                        std::shared_ptr<auth::Authenticator> authenticator);

}  // namespace graft::server
