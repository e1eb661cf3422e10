// Test support: key pairs generated on the spot with OpenSSL (no key files), their public
// halves as PEM and as JWKs, and JWTs signed with them (or crafted badly on purpose).
// For unit tests only; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "auth/keys.h"

namespace graft::auth::testing {

class TestKey {
 public:
  static TestKey rsa(int bits = 2048);
  static TestKey ec(int curve_bytes);  // 32 (P-256), 48 (P-384) or 66 (P-521)
  static TestKey ed25519();

  TestKey(TestKey&&) noexcept;
  ~TestKey();

  std::string publicPem() const;
  boost::json::object jwk(const std::string& kid) const;
  // The raw signature of `input` as JWS wants it for `alg`.
  std::string sign(Algorithm alg, const std::string& input) const;

 private:
  TestKey() = default;
  struct evp_pkey_st* key_ = nullptr;
  int curve_bytes_ = 0;
};

std::string hmacSign(Algorithm alg, const std::string& secret, const std::string& input);

// header.payload.signature; `sign` gets "header.payload".
template <typename Signer>
std::string makeJwt(const boost::json::object& header, const boost::json::object& claims,
                    Signer sign);
std::string encodePart(const boost::json::object& value);

// Claims with a Hasura namespace and an exp an hour after `now_seconds`.
boost::json::object hasuraClaims(long long now_seconds, const std::string& default_role,
                                 std::initializer_list<const char*> allowed_roles);

template <typename Signer>
std::string makeJwt(const boost::json::object& header, const boost::json::object& claims,
                    Signer sign) {
  std::string input = encodePart(header) + "." + encodePart(claims);
  return input + "." + sign(input);
}

}  // namespace graft::auth::testing
