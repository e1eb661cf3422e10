// VerificationKey: one key that can check JWS signatures (an HMAC secret, or an RSA, EC or
// Ed25519 public key held as an OpenSSL EVP_PKEY), built from Hasura's JWT config (type + key)
// or from a JWK. Immutable after construction; shared between threads through shared_ptr.
#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

struct evp_pkey_st;

namespace graft::auth {

enum class Algorithm {
  kHS256,
  kHS384,
  kHS512,
  kRS256,
  kRS384,
  kRS512,
  kES256,
  kES384,
  kES512,
  kEdDSA
};

// The JWS "alg" names (RFC 7518): "HS256", ..., "EdDSA". "none" and unknown names give nullopt.
std::optional<Algorithm> algorithmFromJose(std::string_view alg);
std::string_view joseName(Algorithm alg);

class VerificationKey {
 public:
  enum class Family { kHmac, kRsa, kEc, kEd25519 };

  // Hasura's JWT config `type` + `key`: an HMAC secret (HS*, at least as many characters as
  // the hash has bytes) or a PEM public key or X.509 certificate (RS*, ES*, "Ed25519").
  // The key then verifies tokens of exactly that algorithm.
  static Result<std::shared_ptr<const VerificationKey>> fromConfig(std::string_view type,
                                                                   std::string_view key);
  // One key of a JWK set (RFC 7517): kty RSA, EC (P-256/384/521), OKP (Ed25519) or oct.
  // With an "alg" member the key verifies that algorithm only; otherwise any of its family.
  static Result<std::shared_ptr<const VerificationKey>> fromJwk(const boost::json::object& jwk);

  ~VerificationKey();
  VerificationKey(const VerificationKey&) = delete;
  VerificationKey& operator=(const VerificationKey&) = delete;

  const std::string& kid() const { return kid_; }
  // Whether a token signed with `alg` may be checked with this key (the key type fits, and
  // the algorithm is the key's own when it has one): the guard against algorithm confusion.
  bool accepts(Algorithm alg) const;
  // REQUIRES: accepts(alg).
  bool verify(Algorithm alg, std::string_view signing_input, std::string_view signature) const;

 private:
  VerificationKey() = default;

  Family family_ = Family::kHmac;
  std::optional<Algorithm> algorithm_;
  std::string kid_;
  std::string secret_;           // kHmac
  evp_pkey_st* pkey_ = nullptr;  // the others
  int ec_curve_bytes_ = 0;       // kEc: size of r and s in a JWS signature
};

}  // namespace graft::auth
