// The endpoints that exist before any GraphQL or metadata work: /healthz and /v1/version.
// Registered once at start-up; the handlers only read the context, from any thread.
#pragma once

#include <memory>

#include "common/config.h"
#include "server/router.h"

namespace graft::pg {
class Pool;
}

namespace graft::server {

struct EndpointContext {
  const ServerConfig* config = nullptr;
  // The pool of the database holding the metadata; /healthz checks that it answers.
  std::shared_ptr<pg::Pool> metadata_pool;
};

void addCoreEndpoints(Router& router, EndpointContext context);

}  // namespace graft::server
