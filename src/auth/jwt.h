// JWT (compact JWS) decoding and verification: split and decode the three parts, check the
// signature with a VerificationKey whose algorithm matches the token's, then the registered
// claims (exp, nbf, iat with the allowed skew; aud; iss). Errors read as Hasura's
// ("Could not verify JWT: JWTExpired", code invalid-jwt). Pure functions; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "auth/clock.h"
#include "auth/jwt_config.h"
#include "auth/keys.h"
#include "common/result.h"

namespace graft::auth {

// Longer tokens are refused before any decoding.
constexpr size_t kMaxTokenBytes = 16 * 1024;

struct DecodedJwt {
  Algorithm algorithm = Algorithm::kHS256;
  std::optional<std::string> kid;
  boost::json::object claims;
  std::string signing_input;  // header.payload, as sent
  std::string signature;      // decoded bytes
};

// invalid-jwt, "Could not verify JWT: <reason>".
Error invalidJwt(std::string_view reason);

Result<DecodedJwt> decodeJwt(std::string_view token);
// The signature, by `key`; a key that does not accept the token's algorithm fails as a bad
// signature does (so "alg": "none" or HS256 over an RSA public key never pass).
Status checkSignature(const DecodedJwt& jwt, const VerificationKey& key);
Status checkRegisteredClaims(const boost::json::object& claims, const JwtConfig& config,
                             TimePoint now);

}  // namespace graft::auth
