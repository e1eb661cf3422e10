#include "auth/test_tokens.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "auth/base64url.h"

namespace graft::auth::testing {

namespace bj = boost::json;

namespace {

const EVP_MD* mdFor(Algorithm alg) {
  switch (alg) {
    case Algorithm::kHS256:
    case Algorithm::kRS256:
    case Algorithm::kES256:
      return EVP_sha256();
    case Algorithm::kHS384:
    case Algorithm::kRS384:
    case Algorithm::kES384:
      return EVP_sha384();
    case Algorithm::kHS512:
    case Algorithm::kRS512:
    case Algorithm::kES512:
      return EVP_sha512();
    case Algorithm::kEdDSA:
      return nullptr;
  }
  return nullptr;
}

std::string bnBytes(const BIGNUM* bn, int size = 0) {
  int n = size > 0 ? size : BN_num_bytes(bn);
  std::string out(static_cast<size_t>(n), '\0');
  BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), n);
  return out;
}

std::string paramBytes(EVP_PKEY* key, const char* name, int size = 0) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) throw std::runtime_error(name);
  std::string out = bnBytes(bn, size);
  BN_free(bn);
  return out;
}

}  // namespace

TestKey::TestKey(TestKey&& other) noexcept
    : key_(std::exchange(other.key_, nullptr)), curve_bytes_(other.curve_bytes_) {}
TestKey::~TestKey() { EVP_PKEY_free(key_); }

TestKey TestKey::rsa(int bits) {
  TestKey k;
  k.key_ = EVP_RSA_gen(static_cast<unsigned>(bits));
  return k;
}

TestKey TestKey::ec(int curve_bytes) {
  TestKey k;
  const char* curve = curve_bytes == 32 ? "P-256" : curve_bytes == 48 ? "P-384" : "P-521";
  k.key_ = EVP_EC_gen(curve);
  k.curve_bytes_ = curve_bytes;
  return k;
}

TestKey TestKey::ed25519() {
  TestKey k;
  k.key_ = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  return k;
}

std::string TestKey::publicPem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, key_);
  char* data = nullptr;
  long n = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<size_t>(n));
  BIO_free(bio);
  return out;
}

bj::object TestKey::jwk(const std::string& kid) const {
  bj::object out;
  out["kid"] = kid;
  int base = EVP_PKEY_get_base_id(key_);
  if (base == EVP_PKEY_RSA) {
    out["kty"] = "RSA";
    out["n"] = base64UrlEncode(paramBytes(key_, OSSL_PKEY_PARAM_RSA_N));
    out["e"] = base64UrlEncode(paramBytes(key_, OSSL_PKEY_PARAM_RSA_E));
  } else if (base == EVP_PKEY_EC) {
    out["kty"] = "EC";
    out["crv"] = curve_bytes_ == 32 ? "P-256" : curve_bytes_ == 48 ? "P-384" : "P-521";
    out["x"] = base64UrlEncode(paramBytes(key_, OSSL_PKEY_PARAM_EC_PUB_X, curve_bytes_));
    out["y"] = base64UrlEncode(paramBytes(key_, OSSL_PKEY_PARAM_EC_PUB_Y, curve_bytes_));
  } else {
    out["kty"] = "OKP";
    out["crv"] = "Ed25519";
    std::string raw(32, '\0');
    size_t n = raw.size();
    EVP_PKEY_get_raw_public_key(key_, reinterpret_cast<unsigned char*>(raw.data()), &n);
    out["x"] = base64UrlEncode(raw);
  }
  return out;
}

std::string TestKey::sign(Algorithm alg, const std::string& input) const {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestSignInit(ctx, nullptr, mdFor(alg), nullptr, key_);
  size_t n = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(input.data());
  EVP_DigestSign(ctx, nullptr, &n, data, input.size());
  std::string sig(n, '\0');
  EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &n, data, input.size());
  sig.resize(n);
  EVP_MD_CTX_free(ctx);
  if (EVP_PKEY_get_base_id(key_) != EVP_PKEY_EC) return base64UrlEncode(sig);
  // DER → r || s.
  const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
  ECDSA_SIG* ecdsa = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
  std::string raw = bnBytes(ECDSA_SIG_get0_r(ecdsa), curve_bytes_) +
                    bnBytes(ECDSA_SIG_get0_s(ecdsa), curve_bytes_);
  ECDSA_SIG_free(ecdsa);
  return base64UrlEncode(raw);
}

std::string hmacSign(Algorithm alg, const std::string& secret, const std::string& input) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(mdFor(alg), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &n);
  return base64UrlEncode(std::string(reinterpret_cast<char*>(mac), n));
}

std::string encodePart(const bj::object& value) { return base64UrlEncode(bj::serialize(value)); }

bj::object hasuraClaims(long long now_seconds, const std::string& default_role,
                        std::initializer_list<const char*> allowed_roles) {
  bj::array allowed;
  for (const char* r : allowed_roles) allowed.emplace_back(r);
  bj::object ns;
  ns["x-hasura-default-role"] = default_role;
  ns["x-hasura-allowed-roles"] = std::move(allowed);
  ns["x-hasura-user-id"] = "42";
  bj::object claims;
  claims["sub"] = "42";
  claims["iat"] = now_seconds;
  claims["exp"] = now_seconds + 3600;
  claims["https://hasura.io/jwt/claims"] = std::move(ns);
  return claims;
}

}  // namespace graft::auth::testing
