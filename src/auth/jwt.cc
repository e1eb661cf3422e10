#include "auth/jwt.h"

#include <boost/json/parse.hpp>
#include <cmath>

#include "auth/base64url.h"

namespace graft::auth {

namespace {

namespace bj = boost::json;

Error invalidSignature() { return invalidJwt("JWSError JWSInvalidSignature"); }

Result<bj::object> decodeJsonPart(std::string_view part, const char* what) {
  auto bytes = base64UrlDecode(part);
  if (!bytes)
    return std::unexpected(invalidJwt("JWSError (JSONDecodeError \"Not valid base64url\")"));
  boost::system::error_code ec;
  bj::value v = bj::parse(*bytes, ec);
  if (ec || !v.is_object()) {
    return std::unexpected(invalidJwt(std::string("JWSError (JSONDecodeError \"the ") + what +
                                      " is not a JSON object\")"));
  }
  return std::move(v.as_object());
}

// A NumericDate claim, or nullopt when absent; a claim of another type is an error.
Result<std::optional<double>> numericDate(const bj::object& claims, const char* name) {
  auto it = claims.find(name);
  if (it == claims.end() || it->value().is_null()) return std::optional<double>();
  if (!it->value().is_number()) {
    return std::unexpected(
        invalidJwt(std::string("JWTClaimsSetDecodeError \"") + name + " is not a NumericDate\""));
  }
  double v = it->value().to_number<double>();
  if (!std::isfinite(v)) {
    return std::unexpected(
        invalidJwt(std::string("JWTClaimsSetDecodeError \"") + name + " is not a NumericDate\""));
  }
  return std::optional<double>(v);
}

}  // namespace

Error invalidJwt(std::string_view reason) {
  return Error::invalidJwt("Could not verify JWT: " + std::string(reason));
}

Result<DecodedJwt> decodeJwt(std::string_view token) {
  if (token.size() > kMaxTokenBytes) {
    return std::unexpected(invalidJwt("JWSError (CompactDecodeError token too large)"));
  }
  size_t first = token.find('.');
  size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos ||
      token.find('.', second + 1) != std::string_view::npos) {
    size_t parts = 1;
    for (char c : token) parts += c == '.';
    return std::unexpected(
        invalidJwt("JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got " +
                   std::to_string(parts) + ")"));
  }
  // JWS uses unpadded base64url: a padded part would give a second spelling of one token.
  if (token.find('=') != std::string_view::npos) {
    return std::unexpected(invalidJwt("JWSError (JSONDecodeError \"Not valid base64url\")"));
  }
  DecodedJwt jwt;
  GRAFT_TRY(bj::object header, decodeJsonPart(token.substr(0, first), "header"));
  auto alg = header.find("alg");
  if (alg == header.end() || !alg->value().is_string()) {
    return std::unexpected(invalidJwt("JWSError (JSONDecodeError \"no alg in the header\")"));
  }
  auto algorithm = algorithmFromJose(alg->value().as_string());
  // "none" and algorithms we do not verify with: no key can ever accept them.
  if (!algorithm) return std::unexpected(invalidSignature());
  jwt.algorithm = *algorithm;
  if (auto kid = header.find("kid"); kid != header.end() && kid->value().is_string()) {
    jwt.kid = std::string(kid->value().as_string());
  }
  // "crit" names extensions the verifier must understand; we understand none.
  if (header.contains("crit")) return std::unexpected(invalidSignature());
  GRAFT_TRY(jwt.claims, decodeJsonPart(token.substr(first + 1, second - first - 1), "payload"));
  auto signature = base64UrlDecode(token.substr(second + 1));
  if (!signature) return std::unexpected(invalidSignature());
  jwt.signature = std::move(*signature);
  jwt.signing_input = std::string(token.substr(0, second));
  return jwt;
}

Status checkSignature(const DecodedJwt& jwt, const VerificationKey& key) {
  if (!key.accepts(jwt.algorithm) || !key.verify(jwt.algorithm, jwt.signing_input, jwt.signature)) {
    return std::unexpected(invalidSignature());
  }
  return ok();
}

Status checkRegisteredClaims(const bj::object& claims, const JwtConfig& config, TimePoint now) {
  double t = std::chrono::duration<double>(now.time_since_epoch()).count();
  double skew = static_cast<double>(config.allowed_skew.count());
  GRAFT_TRY(auto exp, numericDate(claims, "exp"));
  GRAFT_TRY(auto nbf, numericDate(claims, "nbf"));
  GRAFT_TRY(auto iat, numericDate(claims, "iat"));
  if (exp && t > *exp + skew) return std::unexpected(invalidJwt("JWTExpired"));
  if (nbf && t < *nbf - skew) return std::unexpected(invalidJwt("JWTNotYetValid"));
  if (iat && *iat > t + skew) return std::unexpected(invalidJwt("JWTIssuedAtFuture"));
  if (!config.audience.empty()) {
    bool found = false;
    auto aud = claims.find("aud");
    auto matches = [&](const bj::value& v) {
      if (!v.is_string()) return false;
      for (const auto& a : config.audience) {
        if (v.as_string() == a) return true;
      }
      return false;
    };
    if (aud != claims.end() && aud->value().is_array()) {
      for (const auto& v : aud->value().as_array()) found = found || matches(v);
    } else if (aud != claims.end()) {
      found = matches(aud->value());
    }
    if (!found) return std::unexpected(invalidJwt("JWTNotInAudience"));
  }
  if (config.issuer) {
    auto iss = claims.find("iss");
    if (iss == claims.end() || !iss->value().is_string() ||
        iss->value().as_string() != *config.issuer) {
      return std::unexpected(invalidJwt("JWTNotInIssuer"));
    }
  }
  return ok();
}

}  // namespace graft::auth
