// The Hasura claims of a verified JWT: allowed roles, default role and the other x-hasura-*
// session variables, found through the config's claims namespace (or namespace path, or
// claims_map), and the role a request gets from them. Pure functions; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/jwt_config.h"
#include "common/result.h"
#include "common/session.h"

namespace graft::auth {

struct HasuraClaims {
  std::vector<std::string> allowed_roles;
  std::string default_role;
  // Lower-case names; string values as they are, other JSON values as their JSON text.
  std::vector<std::pair<std::string, std::string>> variables;
};

Result<HasuraClaims> hasuraClaims(const boost::json::object& claims, const JwtConfig& config);

// The session of a request carrying these claims: the x-hasura-role header's role when given
// (it must be an allowed role), else the default role (which must be one too).
Result<Session> sessionFromClaims(HasuraClaims claims,
                                  std::optional<std::string_view> requested_role);

}  // namespace graft::auth
