// JwtConfig: one HASURA_GRAPHQL_JWT_SECRET (or one element of HASURA_GRAPHQL_JWT_SECRETS)
// parsed and checked as Hasura does: a key or a jwk_url, where the Hasura claims are (namespace,
// namespace path or claims_map), audience, issuer, allowed skew and where the token travels.
// Parsed once at start-up; immutable afterwards, shared by every request thread.
#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "auth/keys.h"
#include "common/result.h"

namespace graft::auth {

// A JSON path such as $.a.b[0] or $['x.y']: object keys and array indices.
using JsonPath = std::vector<std::variant<std::string, size_t>>;

Result<JsonPath> parseJsonPath(std::string_view text);
// nullptr when the path leads nowhere.
const boost::json::value* lookupPath(const boost::json::value& root, const JsonPath& path);

// One entry of claims_map: a JSON path into the token's claims (with an optional default),
// or a literal value.
struct ClaimsMapEntry {
  std::optional<JsonPath> path;
  std::optional<boost::json::value> value;  // the default with a path, else the literal
};

struct JwtConfig {
  enum class ClaimsFormat { kJson, kStringifiedJson };
  enum class TokenLocation { kAuthorization, kCookie, kCustomHeader };

  // Exactly one of key and jwk_url.
  std::shared_ptr<const VerificationKey> key;
  std::optional<std::string> jwk_url;

  std::string claims_namespace = "https://hasura.io/jwt/claims";
  std::optional<JsonPath> claims_namespace_path;
  std::string claims_namespace_path_text;  // as written, for error messages
  ClaimsFormat claims_format = ClaimsFormat::kJson;
  // Session variable name (lower case) → entry; has x-hasura-default-role and
  // x-hasura-allowed-roles when set.
  std::optional<std::map<std::string, ClaimsMapEntry>> claims_map;

  std::vector<std::string> audience;  // empty: not checked
  std::optional<std::string> issuer;
  std::chrono::seconds allowed_skew{0};

  TokenLocation location = TokenLocation::kAuthorization;
  std::string location_name;  // the cookie's name, or the custom header's (lower case)
};

// HASURA_GRAPHQL_JWT_SECRET: one JSON object. Errors name the offending field.
Result<JwtConfig> parseJwtConfig(std::string_view text);
// HASURA_GRAPHQL_JWT_SECRETS: a JSON array of such objects.
Result<std::vector<JwtConfig>> parseJwtConfigs(std::string_view text);

}  // namespace graft::auth
