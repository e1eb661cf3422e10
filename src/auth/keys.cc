#include "auth/keys.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <array>

#include "auth/base64url.h"

namespace graft::auth {

namespace {

namespace bj = boost::json;

struct AlgorithmInfo {
  Algorithm alg;
  std::string_view name;
  VerificationKey::Family family;
  int hash_bits;  // 0 for EdDSA
};

constexpr std::array<AlgorithmInfo, 10> kAlgorithms = {{
    {Algorithm::kHS256, "HS256", VerificationKey::Family::kHmac, 256},
    {Algorithm::kHS384, "HS384", VerificationKey::Family::kHmac, 384},
    {Algorithm::kHS512, "HS512", VerificationKey::Family::kHmac, 512},
    {Algorithm::kRS256, "RS256", VerificationKey::Family::kRsa, 256},
    {Algorithm::kRS384, "RS384", VerificationKey::Family::kRsa, 384},
    {Algorithm::kRS512, "RS512", VerificationKey::Family::kRsa, 512},
    {Algorithm::kES256, "ES256", VerificationKey::Family::kEc, 256},
    {Algorithm::kES384, "ES384", VerificationKey::Family::kEc, 384},
    {Algorithm::kES512, "ES512", VerificationKey::Family::kEc, 512},
    {Algorithm::kEdDSA, "EdDSA", VerificationKey::Family::kEd25519, 0},
}};

const AlgorithmInfo& info(Algorithm alg) {
  for (const auto& i : kAlgorithms) {
    if (i.alg == alg) return i;
  }
  return kAlgorithms[0];
}

const EVP_MD* digest(int bits) {
  switch (bits) {
    case 256:
      return EVP_sha256();
    case 384:
      return EVP_sha384();
    case 512:
      return EVP_sha512();
    default:
      return nullptr;
  }
}

// The EC curve's size in bytes for the algorithm whose hash matches it (P-256 ↔ ES256, ...).
int curveBytesFor(Algorithm alg) {
  switch (alg) {
    case Algorithm::kES256:
      return 32;
    case Algorithm::kES384:
      return 48;
    case Algorithm::kES512:
      return 66;
    default:
      return 0;
  }
}

Error invalidKey(std::string message) { return Error::validationFailed("Invalid JWK: " + message); }

struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

struct BnDeleter {
  void operator()(BIGNUM* b) const { BN_free(b); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;

PkeyPtr readPem(std::string_view pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  if (!bio) return nullptr;
  if (EVP_PKEY* key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr)) {
    return PkeyPtr(key);
  }
  BIO_reset(bio.get());
  std::unique_ptr<X509, decltype(&X509_free)> cert(
      PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free);
  if (!cert) return nullptr;
  return PkeyPtr(X509_get_pubkey(cert.get()));
}

// The size in bytes of an EC key's curve, or 0 when it is not one we verify with.
int curveBytes(EVP_PKEY* key) {
  char name[64] = {0};
  size_t length = 0;
  if (EVP_PKEY_get_group_name(key, name, sizeof name, &length) != 1) return 0;
  std::string_view curve(name, length);
  if (curve == "prime256v1" || curve == "P-256") return 32;
  if (curve == "secp384r1" || curve == "P-384") return 48;
  if (curve == "secp521r1" || curve == "P-521") return 66;
  return 0;
}

Result<std::string> member(const bj::object& jwk, const char* name) {
  auto it = jwk.find(name);
  if (it == jwk.end() || !it->value().is_string()) {
    return std::unexpected(invalidKey(std::string("the key has no \"") + name + "\" string"));
  }
  auto bytes = base64UrlDecode(it->value().as_string());
  if (!bytes || bytes->empty()) {
    return std::unexpected(invalidKey(std::string("\"") + name + "\" is not base64url"));
  }
  return *bytes;
}

Result<PkeyPtr> fromParams(const char* type, OSSL_PARAM_BLD* builder) {
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(builder),
                                                                 OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr), EVP_PKEY_CTX_free);
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return std::unexpected(invalidKey(std::string("not a valid ") + type + " public key"));
  }
  PkeyPtr owned(key);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> check(
      EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr), EVP_PKEY_CTX_free);
  if (!check || EVP_PKEY_public_check(check.get()) != 1) {
    return std::unexpected(invalidKey(std::string("not a valid ") + type + " public key"));
  }
  return owned;
}

Result<PkeyPtr> rsaFromJwk(const bj::object& jwk) {
  GRAFT_TRY(std::string n, member(jwk, "n"));
  GRAFT_TRY(std::string e, member(jwk, "e"));
  BnPtr bn_n(BN_bin2bn(reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()),
                       nullptr));
  BnPtr bn_e(BN_bin2bn(reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()),
                       nullptr));
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(OSSL_PARAM_BLD_new(),
                                                                          OSSL_PARAM_BLD_free);
  if (!bn_n || !bn_e || !builder ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) != 1) {
    return std::unexpected(invalidKey("not a valid RSA public key"));
  }
  return fromParams("RSA", builder.get());
}

Result<PkeyPtr> ecFromJwk(const bj::object& jwk, int& curve_bytes) {
  auto crv = jwk.find("crv");
  std::string_view curve = crv != jwk.end() && crv->value().is_string()
                               ? std::string_view(crv->value().as_string())
                               : std::string_view();
  const char* group = nullptr;
  if (curve == "P-256") group = "prime256v1", curve_bytes = 32;
  if (curve == "P-384") group = "secp384r1", curve_bytes = 48;
  if (curve == "P-521") group = "secp521r1", curve_bytes = 66;
  if (group == nullptr) return std::unexpected(invalidKey("unsupported EC curve"));
  GRAFT_TRY(std::string x, member(jwk, "x"));
  GRAFT_TRY(std::string y, member(jwk, "y"));
  if (x.size() != static_cast<size_t>(curve_bytes) ||
      y.size() != static_cast<size_t>(curve_bytes)) {
    return std::unexpected(invalidKey("EC coordinates do not fit the curve"));
  }
  std::string point = "\x04" + x + y;
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(OSSL_PARAM_BLD_new(),
                                                                          OSSL_PARAM_BLD_free);
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    return std::unexpected(invalidKey("not a valid EC public key"));
  }
  return fromParams("EC", builder.get());
}

// JWS carries an ECDSA signature as r || s, OpenSSL wants DER.
std::optional<std::string> ecdsaToDer(std::string_view raw, int curve_bytes) {
  if (raw.size() != static_cast<size_t>(2 * curve_bytes)) return std::nullopt;
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(bytes, curve_bytes, nullptr);
  BIGNUM* s = BN_bin2bn(bytes + curve_bytes, curve_bytes, nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  int length = i2d_ECDSA_SIG(sig, &der);
  ECDSA_SIG_free(sig);
  if (length <= 0) return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(length));
  OPENSSL_free(der);
  return out;
}

}  // namespace

std::optional<Algorithm> algorithmFromJose(std::string_view alg) {
  for (const auto& i : kAlgorithms) {
    if (i.name == alg) return i.alg;
  }
  return std::nullopt;
}

std::string_view joseName(Algorithm alg) { return info(alg).name; }

VerificationKey::~VerificationKey() { EVP_PKEY_free(pkey_); }

Result<std::shared_ptr<const VerificationKey>> VerificationKey::fromConfig(std::string_view type,
                                                                           std::string_view key) {
  std::optional<Algorithm> alg =
      type == "Ed25519" ? std::optional(Algorithm::kEdDSA) : algorithmFromJose(type);
  if (!alg || type == "EdDSA") {
    return std::unexpected(invalidKey("Key type: " + std::string(type) + " is not supported"));
  }
  const AlgorithmInfo& i = info(*alg);
  std::shared_ptr<VerificationKey> out(new VerificationKey());
  out->family_ = i.family;
  out->algorithm_ = *alg;
  if (i.family == Family::kHmac) {
    size_t min = static_cast<size_t>(i.hash_bits / 8);
    if (key.size() < min) {
      return std::unexpected(invalidKey("Key size too small; should be atleast " +
                                        std::to_string(min) + " characters"));
    }
    out->secret_ = std::string(key);
    return out;
  }
  PkeyPtr pkey = readPem(key);
  if (!pkey) {
    return std::unexpected(invalidKey("could not read a PEM public key or X.509 certificate for " +
                                      std::string(type)));
  }
  int base = EVP_PKEY_get_base_id(pkey.get());
  bool fits = (i.family == Family::kRsa && base == EVP_PKEY_RSA) ||
              (i.family == Family::kEc && base == EVP_PKEY_EC &&
               curveBytes(pkey.get()) == curveBytesFor(*alg)) ||
              (i.family == Family::kEd25519 && base == EVP_PKEY_ED25519);
  if (!fits) {
    return std::unexpected(invalidKey("the key is not a " + std::string(type) + " public key"));
  }
  if (i.family == Family::kRsa && EVP_PKEY_get_bits(pkey.get()) < 2048) {
    return std::unexpected(invalidKey("RSA keys must have at least 2048 bits"));
  }
  out->ec_curve_bytes_ = i.family == Family::kEc ? curveBytes(pkey.get()) : 0;
  out->pkey_ = pkey.release();
  return out;
}

Result<std::shared_ptr<const VerificationKey>> VerificationKey::fromJwk(const bj::object& jwk) {
  auto kty_it = jwk.find("kty");
  if (kty_it == jwk.end() || !kty_it->value().is_string()) {
    return std::unexpected(invalidKey("the key has no \"kty\""));
  }
  std::string_view kty = kty_it->value().as_string();
  std::shared_ptr<VerificationKey> out(new VerificationKey());
  if (auto kid = jwk.find("kid"); kid != jwk.end() && kid->value().is_string()) {
    out->kid_ = std::string(kid->value().as_string());
  }
  if (auto alg = jwk.find("alg"); alg != jwk.end()) {
    if (!alg->value().is_string() || !algorithmFromJose(alg->value().as_string())) {
      return std::unexpected(invalidKey("unsupported \"alg\""));
    }
    out->algorithm_ = algorithmFromJose(alg->value().as_string());
  }
  PkeyPtr pkey;
  if (kty == "RSA") {
    out->family_ = Family::kRsa;
    GRAFT_TRY(pkey, rsaFromJwk(jwk));
    if (EVP_PKEY_get_bits(pkey.get()) < 2048) {
      return std::unexpected(invalidKey("RSA keys must have at least 2048 bits"));
    }
  } else if (kty == "EC") {
    out->family_ = Family::kEc;
    GRAFT_TRY(pkey, ecFromJwk(jwk, out->ec_curve_bytes_));
  } else if (kty == "OKP") {
    out->family_ = Family::kEd25519;
    auto crv = jwk.find("crv");
    if (crv == jwk.end() || crv->value() != "Ed25519") {
      return std::unexpected(invalidKey("unsupported OKP curve"));
    }
    GRAFT_TRY(std::string x, member(jwk, "x"));
    pkey.reset(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(x.data()), x.size()));
    if (!pkey) return std::unexpected(invalidKey("not a valid Ed25519 public key"));
  } else if (kty == "oct") {
    out->family_ = Family::kHmac;
    GRAFT_TRY(out->secret_, member(jwk, "k"));
  } else {
    return std::unexpected(invalidKey("unsupported key type \"" + std::string(kty) + "\""));
  }
  if (out->algorithm_ && info(*out->algorithm_).family != out->family_) {
    return std::unexpected(invalidKey("\"alg\" does not fit the key type"));
  }
  out->pkey_ = pkey.release();
  return out;
}

bool VerificationKey::accepts(Algorithm alg) const {
  if (algorithm_) return alg == *algorithm_;
  if (info(alg).family != family_) return false;
  return family_ != Family::kEc || curveBytesFor(alg) == ec_curve_bytes_;
}

bool VerificationKey::verify(Algorithm alg, std::string_view signing_input,
                             std::string_view signature) const {
  if (!accepts(alg)) return false;
  const AlgorithmInfo& i = info(alg);
  const auto* data = reinterpret_cast<const unsigned char*>(signing_input.data());
  if (family_ == Family::kHmac) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (HMAC(digest(i.hash_bits), secret_.data(), static_cast<int>(secret_.size()), data,
             signing_input.size(), mac, &length) == nullptr) {
      return false;
    }
    return signature.size() == length && CRYPTO_memcmp(mac, signature.data(), length) == 0;
  }
  std::string der;
  if (family_ == Family::kEc) {
    auto converted = ecdsaToDer(signature, ec_curve_bytes_);
    if (!converted) return false;
    der = std::move(*converted);
    signature = der;
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, i.hash_bits ? digest(i.hash_bits) : nullptr,
                                   nullptr, pkey_) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), data, signing_input.size()) == 1;
}

}  // namespace graft::auth
