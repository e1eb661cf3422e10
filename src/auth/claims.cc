#include "auth/claims.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace graft::auth {

namespace {

namespace bj = boost::json;

constexpr std::string_view kAllowedRoles = "x-hasura-allowed-roles";
constexpr std::string_view kDefaultRole = "x-hasura-default-role";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string variableText(const bj::value& v) {
  return v.is_string() ? std::string(v.as_string()) : bj::serialize(v);
}

Result<std::vector<std::string>> allowedRoles(const bj::value* v) {
  if (v == nullptr) {
    return std::unexpected(
        Error::jwtMissingRoleClaims("JWT claim does not contain " + std::string(kAllowedRoles)));
  }
  auto invalid = [] {
    return std::unexpected(Error::jwtInvalidClaims("invalid " + std::string(kAllowedRoles) +
                                                   "; should be a list of roles"));
  };
  if (!v->is_array()) return invalid();
  std::vector<std::string> roles;
  for (const auto& r : v->as_array()) {
    if (!r.is_string() || r.as_string().empty()) return invalid();
    roles.emplace_back(r.as_string());
  }
  return roles;
}

Result<std::string> defaultRole(const bj::value* v) {
  if (v == nullptr) {
    return std::unexpected(
        Error::jwtMissingRoleClaims("JWT claim does not contain " + std::string(kDefaultRole)));
  }
  if (!v->is_string() || v->as_string().empty()) {
    return std::unexpected(Error::jwtInvalidClaims("invalid " + std::string(kDefaultRole) +
                                                   "; should be a single role name"));
  }
  return std::string(v->as_string());
}

// The object the namespace (or namespace path) points at, parsed from a string when the
// claims format is stringified_json.
Result<bj::object> namespaceObject(const bj::object& claims, const JwtConfig& config) {
  const bj::value* found = nullptr;
  bj::value root(claims);
  if (config.claims_namespace_path) {
    found = lookupPath(root, *config.claims_namespace_path);
    if (found == nullptr) {
      return std::unexpected(
          Error::jwtInvalidClaims("claims not found at claims_namespace_path: '" +
                                  config.claims_namespace_path_text + "'"));
    }
  } else {
    auto it = claims.find(config.claims_namespace);
    if (it == claims.end()) {
      return std::unexpected(
          Error::jwtInvalidClaims("claims key: '" + config.claims_namespace + "' not found"));
    }
    found = &it->value();
  }
  if (config.claims_format == JwtConfig::ClaimsFormat::kStringifiedJson) {
    if (!found->is_string()) {
      return std::unexpected(
          Error::jwtInvalidClaims("expecting a string when claims_format is stringified_json"));
    }
    boost::system::error_code ec;
    bj::value parsed = bj::parse(found->as_string(), ec);
    if (ec || !parsed.is_object()) {
      std::string where = config.claims_namespace_path
                              ? "claims_namespace_path " + config.claims_namespace_path_text
                              : "claims_namespace " + config.claims_namespace;
      return std::unexpected(
          Error::jwtInvalidClaims("expecting stringified json at: '" + where +
                                  "', but found: " + std::string(found->as_string())));
    }
    return std::move(parsed.as_object());
  }
  if (!found->is_object()) {
    return std::unexpected(
        Error::jwtInvalidClaims("expecting a json object when claims_format is json"));
  }
  return found->as_object();
}

Result<HasuraClaims> fromNamespace(const bj::object& claims, const JwtConfig& config) {
  GRAFT_TRY(bj::object ns, namespaceObject(claims, config));
  const bj::value* allowed = nullptr;
  const bj::value* fallback = nullptr;
  HasuraClaims out;
  for (const auto& [key, value] : ns) {
    std::string name = lower(key);
    if (!name.starts_with("x-hasura-")) continue;
    if (name == kAllowedRoles) {
      allowed = &value;
    } else if (name == kDefaultRole) {
      fallback = &value;
    } else if (name != "x-hasura-role") {
      out.variables.emplace_back(std::move(name), variableText(value));
    }
  }
  GRAFT_TRY(out.allowed_roles, allowedRoles(allowed));
  GRAFT_TRY(out.default_role, defaultRole(fallback));
  return out;
}

Result<HasuraClaims> fromClaimsMap(const bj::object& claims, const JwtConfig& config) {
  bj::value root(claims);
  auto resolve = [&](const ClaimsMapEntry& entry) -> const bj::value* {
    if (entry.path) {
      if (const bj::value* v = lookupPath(root, *entry.path)) return v;
    }
    return entry.value ? &*entry.value : nullptr;
  };
  HasuraClaims out;
  for (const auto& [name, entry] : *config.claims_map) {
    const bj::value* v = resolve(entry);
    if (name == kAllowedRoles) {
      GRAFT_TRY(out.allowed_roles, allowedRoles(v));
    } else if (name == kDefaultRole) {
      GRAFT_TRY(out.default_role, defaultRole(v));
    } else if (v == nullptr) {
      return std::unexpected(
          Error::jwtInvalidClaims("JWT claim from claims_map, " + name + " not found"));
    } else if (name != "x-hasura-role") {
      out.variables.emplace_back(name, variableText(*v));
    }
  }
  return out;
}

}  // namespace

Result<HasuraClaims> hasuraClaims(const bj::object& claims, const JwtConfig& config) {
  if (config.claims_map) return fromClaimsMap(claims, config);
  return fromNamespace(claims, config);
}

Result<Session> sessionFromClaims(HasuraClaims claims,
                                  std::optional<std::string_view> requested_role) {
  std::string role = requested_role && !requested_role->empty() ? std::string(*requested_role)
                                                                : claims.default_role;
  if (std::find(claims.allowed_roles.begin(), claims.allowed_roles.end(), role) ==
      claims.allowed_roles.end()) {
    return std::unexpected(Error::accessDenied("Your requested role is not in allowed roles"));
  }
  Session session;
  session.role = std::move(role);
  session.variables = std::move(claims.variables);
  return session;
}

}  // namespace graft::auth
