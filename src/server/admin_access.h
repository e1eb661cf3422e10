// Admin access to the metadata and query APIs, as Hasura decides it: with no admin secret
// configured every request is admin; otherwise the x-hasura-admin-secret header must match
// (compared in constant time). A role other than admin is refused. Stateless, thread-safe.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "server/http_types.h"

namespace graft::server {

Status checkAdminAccess(const std::optional<std::string>& admin_secret, const Headers& headers);

// Equality that takes the same time wherever the inputs differ (and whatever their lengths).
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace graft::server
