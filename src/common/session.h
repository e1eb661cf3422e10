// The session a request runs in: its role and its X-Hasura-* session variables, as the auth
// layer decided them (admin secret, JWT, webhook or the unauthorized role). A plain value,
// copied into each request; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace graft {

struct Session {
  std::string role = "admin";
  // Names in lower case ("x-hasura-user-id"), values as given; x-hasura-role is not among them.
  std::vector<std::pair<std::string, std::string>> variables;
  // x-hasura-use-backend-only-permissions: true on a request the admin secret authenticated
  // (or on a server without one): the role's backend_only insert, update and delete
  // permissions apply, as Hasura's backend-only mutations.
  bool backend_only = false;

  bool isAdmin() const { return role == "admin"; }
  // The value of a session variable; `name` in lower case.
  std::optional<std::string_view> variable(std::string_view name) const {
    for (const auto& [key, value] : variables) {
      if (key == name) return value;
    }
    return std::nullopt;
  }
};

}  // namespace graft
