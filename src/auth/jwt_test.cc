// JWT verification through the Authenticator, attack by attack: each token must be refused
// with Hasura's error, and only a well-signed, valid token with an allowed role gets through.
#include "auth/jwt.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/serialize.hpp>
#include <random>

#include "auth/authenticator.h"
#include "auth/base64url.h"
#include "auth/test_tokens.h"

namespace graft::auth {
namespace {

namespace asio = boost::asio;
namespace bj = boost::json;
using testing::hasuraClaims;
using testing::hmacSign;
using testing::makeJwt;
using testing::TestKey;

constexpr long long kNow = 1'700'000'000;
const std::string kSecret = "a-very-long-hmac-secret-of-32-bytes-at-least";

TimePoint at(long long seconds) { return TimePoint(std::chrono::seconds(seconds)); }

class JwtTest : public ::testing::Test {
 protected:
  // An authenticator with an admin secret and the JWT config `json`.
  void configure(const std::string& json, std::optional<std::string> unauthorized = {}) {
    auto config = parseJwtConfig(json);
    ASSERT_TRUE(config.has_value()) << config.error().message();
    AuthConfig auth;
    auth.admin_secret = "admin-secret";
    auth.unauthorized_role = unauthorized;
    auth.jwt.push_back(std::move(*config));
    auto created =
        Authenticator::create(std::move(auth), ioc_.get_executor(),
                              std::make_shared<http::HttpClient>(), [this] { return now_; });
    ASSERT_TRUE(created.has_value()) << created.error().message();
    auth_ = *created;
  }

  Result<Session> run(HeaderList headers) {
    auto future = asio::co_spawn(ioc_, auth_->authenticate(headers), asio::use_future);
    ioc_.restart();
    ioc_.run();
    return future.get();
  }

  Result<Session> withToken(const std::string& token, std::optional<std::string> role = {}) {
    HeaderList headers = {{"authorization", "Bearer " + token}};
    if (role) headers.emplace_back("x-hasura-role", *role);
    return run(headers);
  }

  static std::string hs256(const bj::object& claims, const std::string& alg = "HS256") {
    bj::object header{{"alg", alg}, {"typ", "JWT"}};
    return makeJwt(header, claims,
                   [](const std::string& in) { return hmacSign(Algorithm::kHS256, kSecret, in); });
  }

  static void expectError(const Result<Session>& r, const std::string& code,
                          const std::string& message) {
    ASSERT_FALSE(r.has_value()) << "accepted with role " << r->role;
    EXPECT_EQ(r.error().code(), code);
    EXPECT_EQ(r.error().message(), message);
  }

  asio::io_context ioc_;
  TimePoint now_ = at(kNow);
  std::shared_ptr<Authenticator> auth_;
};

const std::string kHsConfig = R"({"type":"HS256","key":")" + kSecret + R"("})";

TEST_F(JwtTest, ValidTokenGivesTheDefaultRoleAndTheClaims) {
  configure(kHsConfig);
  bj::object claims = hasuraClaims(kNow, "user", {"user", "editor"});
  auto& ns = claims["https://hasura.io/jwt/claims"].as_object();
  ns["X-Hasura-Org-Id"] = 7;
  ns["x-hasura-tags"] = bj::array{"a", "b"};
  ns["other"] = "ignored";
  auto session = withToken(hs256(claims));
  ASSERT_TRUE(session.has_value()) << session.error().message();
  EXPECT_EQ(session->role, "user");
  EXPECT_EQ(session->variable("x-hasura-user-id"), "42");
  EXPECT_EQ(session->variable("x-hasura-org-id"), "7");
  EXPECT_EQ(session->variable("x-hasura-tags"), R"(["a","b"])");
  EXPECT_FALSE(session->variable("x-hasura-default-role"));
  EXPECT_FALSE(session->variable("other"));
}

TEST_F(JwtTest, RoleHeaderPicksAnAllowedRoleOnly) {
  configure(kHsConfig);
  std::string token = hs256(hasuraClaims(kNow, "user", {"user", "editor"}));
  EXPECT_EQ(withToken(token, "editor")->role, "editor");
  expectError(withToken(token, "admin"), "access-denied",
              "Your requested role is not in allowed roles");
  expectError(withToken(hs256(hasuraClaims(kNow, "boss", {"user"}))), "access-denied",
              "Your requested role is not in allowed roles");
}

TEST_F(JwtTest, AlgNoneIsRefused) {
  configure(kHsConfig);
  bj::object header{{"alg", "none"}, {"typ", "JWT"}};
  std::string token =
      makeJwt(header, hasuraClaims(kNow, "user", {"user"}), [](const std::string&) { return ""; });
  expectError(withToken(token), "invalid-jwt",
              "Could not verify JWT: JWSError JWSInvalidSignature");
  // Also with the signature of the real key: the header's alg decides nothing.
  std::string signed_none =
      makeJwt(header, hasuraClaims(kNow, "user", {"user"}),
              [](const std::string& in) { return hmacSign(Algorithm::kHS256, kSecret, in); });
  expectError(withToken(signed_none), "invalid-jwt",
              "Could not verify JWT: JWSError JWSInvalidSignature");
}

TEST_F(JwtTest, Hs256SignedWithTheRsaPublicKeyIsRefused) {
  TestKey rsa = TestKey::rsa();
  bj::object config{{"type", "RS256"}, {"key", rsa.publicPem()}};
  configure(bj::serialize(config));
  bj::object header{{"alg", "HS256"}, {"typ", "JWT"}};
  std::string pem = rsa.publicPem();
  std::string forged =
      makeJwt(header, hasuraClaims(kNow, "user", {"user"}),
              [&](const std::string& in) { return hmacSign(Algorithm::kHS256, pem, in); });
  expectError(withToken(forged), "invalid-jwt",
              "Could not verify JWT: JWSError JWSInvalidSignature");
  // The genuine RS256 token passes; RS512 with the same key does not (type fixes alg).
  bj::object rs256{{"alg", "RS256"}};
  std::string good =
      makeJwt(rs256, hasuraClaims(kNow, "user", {"user"}),
              [&](const std::string& in) { return rsa.sign(Algorithm::kRS256, in); });
  EXPECT_TRUE(withToken(good).has_value());
  bj::object rs512{{"alg", "RS512"}};
  std::string other =
      makeJwt(rs512, hasuraClaims(kNow, "user", {"user"}),
              [&](const std::string& in) { return rsa.sign(Algorithm::kRS512, in); });
  EXPECT_FALSE(withToken(other).has_value());
}

TEST_F(JwtTest, EcAndEd25519Keys) {
  TestKey ec = TestKey::ec(32);
  configure(bj::serialize(bj::object{{"type", "ES256"}, {"key", ec.publicPem()}}));
  std::string token =
      makeJwt(bj::object{{"alg", "ES256"}}, hasuraClaims(kNow, "user", {"user"}),
              [&](const std::string& in) { return ec.sign(Algorithm::kES256, in); });
  EXPECT_TRUE(withToken(token).has_value());

  TestKey ed = TestKey::ed25519();
  configure(bj::serialize(bj::object{{"type", "Ed25519"}, {"key", ed.publicPem()}}));
  std::string ed_token =
      makeJwt(bj::object{{"alg", "EdDSA"}}, hasuraClaims(kNow, "user", {"user"}),
              [&](const std::string& in) { return ed.sign(Algorithm::kEdDSA, in); });
  EXPECT_TRUE(withToken(ed_token).has_value());
  TestKey other = TestKey::ed25519();
  std::string wrong =
      makeJwt(bj::object{{"alg", "EdDSA"}}, hasuraClaims(kNow, "user", {"user"}),
              [&](const std::string& in) { return other.sign(Algorithm::kEdDSA, in); });
  expectError(withToken(wrong), "invalid-jwt",
              "Could not verify JWT: JWSError JWSInvalidSignature");
}

TEST_F(JwtTest, TimeClaimsWithSkew) {
  configure(kHsConfig);
  bj::object expired = hasuraClaims(kNow, "user", {"user"});
  expired["exp"] = kNow - 10;
  expectError(withToken(hs256(expired)), "invalid-jwt", "Could not verify JWT: JWTExpired");
  bj::object early = hasuraClaims(kNow, "user", {"user"});
  early["nbf"] = kNow + 10;
  expectError(withToken(hs256(early)), "invalid-jwt", "Could not verify JWT: JWTNotYetValid");
  bj::object future = hasuraClaims(kNow, "user", {"user"});
  future["iat"] = kNow + 100;
  expectError(withToken(hs256(future)), "invalid-jwt", "Could not verify JWT: JWTIssuedAtFuture");
  bj::object bad_exp = hasuraClaims(kNow, "user", {"user"});
  bad_exp["exp"] = "tomorrow";
  EXPECT_EQ(withToken(hs256(bad_exp)).error().code(), "invalid-jwt");

  configure(R"({"type":"HS256","key":")" + kSecret + R"(","allowed_skew":30})");
  EXPECT_TRUE(withToken(hs256(expired)).has_value());
  EXPECT_TRUE(withToken(hs256(early)).has_value());
  now_ = at(kNow + 3600 + 31);
  expectError(withToken(hs256(hasuraClaims(kNow, "user", {"user"}))), "invalid-jwt",
              "Could not verify JWT: JWTExpired");
}

TEST_F(JwtTest, AudienceAndIssuer) {
  configure(R"({"type":"HS256","key":")" + kSecret +
            R"(","audience":["app-1","app-2"],"issuer":"https://issuer.example"})");
  bj::object claims = hasuraClaims(kNow, "user", {"user"});
  claims["iss"] = "https://issuer.example";
  claims["aud"] = "app-2";
  EXPECT_TRUE(withToken(hs256(claims)).has_value());
  claims["aud"] = bj::array{"x", "app-1"};
  EXPECT_TRUE(withToken(hs256(claims)).has_value());
  claims["aud"] = "rubbish";
  expectError(withToken(hs256(claims)), "invalid-jwt", "Could not verify JWT: JWTNotInAudience");
  claims.erase("aud");
  expectError(withToken(hs256(claims)), "invalid-jwt", "Could not verify JWT: JWTNotInAudience");
  claims["aud"] = "app-1";
  claims["iss"] = "https://evil.example";
  expectError(withToken(hs256(claims)), "invalid-jwt", "Could not verify JWT: JWTNotInIssuer");
  claims.erase("iss");
  expectError(withToken(hs256(claims)), "invalid-jwt", "Could not verify JWT: JWTNotInIssuer");
}

TEST_F(JwtTest, TamperedPayloadIsRefused) {
  configure(kHsConfig);
  std::string token = hs256(hasuraClaims(kNow, "user", {"user"}));
  size_t first = token.find('.');
  size_t second = token.find('.', first + 1);
  std::string forged_payload = testing::encodePart(hasuraClaims(kNow, "admin", {"admin"}));
  std::string forged = token.substr(0, first + 1) + forged_payload + token.substr(second);
  expectError(withToken(forged), "invalid-jwt",
              "Could not verify JWT: JWSError JWSInvalidSignature");
  std::string truncated_sig = token.substr(0, token.size() - 4);
  EXPECT_EQ(withToken(truncated_sig).error().code(), "invalid-jwt");
}

TEST_F(JwtTest, GarbageAndOversizedTokens) {
  configure(kHsConfig);
  expectError(withToken("garbage"), "invalid-jwt",
              "Could not verify JWT: JWSError (CompactDecodeError Invalid number of parts: "
              "Expected 3 parts; got 1)");
  for (std::string token :
       {std::string("a.b"), std::string("a.b.c.d"), std::string("..."), std::string("!!!.???.***"),
        std::string(".."), base64UrlEncode("[1]") + "." + base64UrlEncode("{}") + ".",
        base64UrlEncode("{\"alg\":\"HS256\"}") + ".bm90IGpzb24.x",
        std::string(20000, 'a') + "." + "b.c"}) {
    auto r = withToken(token);
    ASSERT_FALSE(r.has_value()) << token.substr(0, 40);
    EXPECT_EQ(r.error().code(), "invalid-jwt") << token.substr(0, 40);
  }
  bj::object big = hasuraClaims(kNow, "user", {"user"});
  big["padding"] = std::string(kMaxTokenBytes, 'x');
  expectError(withToken(hs256(big)), "invalid-jwt",
              "Could not verify JWT: JWSError (CompactDecodeError token too large)");
}

TEST_F(JwtTest, RandomTokensAreRefusedWithoutHarm) {
  configure(kHsConfig);
  std::string valid = hs256(hasuraClaims(kNow, "user", {"user"}));
  std::mt19937 rng(20240607);
  const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"\\";
  for (int i = 0; i < 500; ++i) {
    std::string token = valid;
    // Flip, drop or insert a few characters of a valid token, or make one up: every edit
    // must be caught (base64url has one spelling per value, padding is refused).
    if (i % 5 == 0) {
      token.assign(rng() % 300, 'a');
      for (char& c : token) c = alphabet[rng() % alphabet.size()];
    } else {
      for (int edits = 1 + static_cast<int>(rng() % 4); edits > 0; --edits) {
        size_t at = rng() % token.size();
        switch (rng() % 3) {
          case 0:
            token[at] = alphabet[rng() % alphabet.size()];
            break;
          case 1:
            token.erase(at, 1);
            break;
          default:
            token.insert(at, 1, alphabet[rng() % alphabet.size()]);
        }
      }
    }
    if (token == valid || token.empty()) continue;
    auto r = withToken(token);
    ASSERT_FALSE(r.has_value()) << token;
    EXPECT_TRUE(r.error().code() == "invalid-jwt" || r.error().code() == "invalid-headers")
        << r.error().code() << " " << token;
  }
}

TEST_F(JwtTest, MissingAndMalformedHeaders) {
  configure(kHsConfig);
  expectError(run({}), "invalid-headers",
              "Missing 'Authorization' or 'Cookie' header in JWT authentication mode");
  expectError(run({{"authorization", "Basic abc"}}), "invalid-headers",
              "Malformed Authorization header");
  expectError(run({{"authorization", "Bearer"}}), "invalid-headers",
              "Malformed Authorization header");
  expectError(run({{"authorization", "Bearer a b"}}), "invalid-headers",
              "Malformed Authorization header");
  // The admin secret bypasses the JWT; a wrong one is refused.
  auto admin = run({{"x-hasura-admin-secret", "admin-secret"},
                    {"x-hasura-role", "user"},
                    {"x-hasura-user-id", "5"}});
  ASSERT_TRUE(admin.has_value());
  EXPECT_EQ(admin->role, "user");
  EXPECT_EQ(admin->variable("x-hasura-user-id"), "5");
  auto wrong = run({{"x-hasura-admin-secret", "nope"}});
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().httpStatus(), 401);
}

TEST_F(JwtTest, UnauthorizedRoleWithoutToken) {
  configure(kHsConfig, "anonymous");
  auto session = run({{"x-hasura-role", "admin"}, {"x-hasura-user-id", "3"}});
  ASSERT_TRUE(session.has_value());
  EXPECT_EQ(session->role, "anonymous");
  EXPECT_EQ(session->variable("x-hasura-user-id"), "3");
  // A bad token is still refused, not downgraded.
  EXPECT_EQ(withToken("garbage").error().code(), "invalid-jwt");
}

TEST_F(JwtTest, ClaimsMapNamespacePathAndStringifiedClaims) {
  configure(R"({"type":"HS256","key":")" + kSecret + R"(","claims_map":{
      "x-hasura-allowed-roles":{"path":"$.roles"},
      "x-hasura-default-role":{"path":"$.roles[0]"},
      "x-hasura-user-id":{"path":"$.user.id"},
      "x-hasura-org":{"path":"$.org","default":"none"},
      "x-hasura-static":"fixed"}})");
  bj::object claims{{"exp", kNow + 60},
                    {"roles", bj::array{"reader", "writer"}},
                    {"user", bj::object{{"id", 99}}}};
  auto session = withToken(hs256(claims));
  ASSERT_TRUE(session.has_value()) << session.error().message();
  EXPECT_EQ(session->role, "reader");
  EXPECT_EQ(session->variable("x-hasura-user-id"), "99");
  EXPECT_EQ(session->variable("x-hasura-org"), "none");
  EXPECT_EQ(session->variable("x-hasura-static"), "fixed");
  claims.erase("user");
  expectError(withToken(hs256(claims)), "jwt-invalid-claims",
              "JWT claim from claims_map, x-hasura-user-id not found");

  configure(R"({"type":"HS256","key":")" + kSecret +
            R"(","claims_namespace_path":"$.hasura.claims","claims_format":"stringified_json"})");
  bj::object inner{{"x-hasura-default-role", "user"},
                   {"x-hasura-allowed-roles", bj::array{"user"}}};
  bj::object nested{{"exp", kNow + 60}, {"hasura", bj::object{{"claims", bj::serialize(inner)}}}};
  EXPECT_EQ(withToken(hs256(nested))->role, "user");
  nested["hasura"] = bj::object{{"claims", inner}};
  expectError(withToken(hs256(nested)), "jwt-invalid-claims",
              "expecting a string when claims_format is stringified_json");
}

TEST_F(JwtTest, MissingOrInvalidRoleClaims) {
  configure(kHsConfig);
  bj::object claims = hasuraClaims(kNow, "user", {"user"});
  auto& ns = claims["https://hasura.io/jwt/claims"].as_object();
  ns.erase("x-hasura-allowed-roles");
  expectError(withToken(hs256(claims)), "jwt-missing-role-claims",
              "JWT claim does not contain x-hasura-allowed-roles");
  ns["x-hasura-allowed-roles"] = "user";
  expectError(withToken(hs256(claims)), "jwt-invalid-claims",
              "invalid x-hasura-allowed-roles; should be a list of roles");
  ns["x-hasura-allowed-roles"] = bj::array{"user"};
  ns.erase("x-hasura-default-role");
  expectError(withToken(hs256(claims)), "jwt-missing-role-claims",
              "JWT claim does not contain x-hasura-default-role");
  claims.erase("https://hasura.io/jwt/claims");
  expectError(withToken(hs256(claims)), "jwt-invalid-claims",
              "claims key: 'https://hasura.io/jwt/claims' not found");
}

TEST_F(JwtTest, CookieAndCustomHeaderLocations) {
  configure(R"({"type":"HS256","key":")" + kSecret +
            R"(","header":{"type":"Cookie","name":"jwt"}})");
  std::string token = hs256(hasuraClaims(kNow, "user", {"user"}));
  EXPECT_EQ(run({{"cookie", "a=1; jwt=" + token + "; b=2"}})->role, "user");
  EXPECT_EQ(run({{"cookie", "a=1"}}).error().code(), "invalid-headers");
  configure(R"({"type":"HS256","key":")" + kSecret +
            R"(","header":{"type":"CustomHeader","name":"X-Token"}})");
  EXPECT_EQ(run({{"x-token", token}})->role, "user");
  EXPECT_EQ(run({{"authorization", "Bearer " + token}}).error().code(), "invalid-headers");
}

TEST(JwtConfigTest, InvalidConfigsAreRefused) {
  for (
      const char* json :
      {R"({"type":"HS256","key":"short"})", R"({"type":"HS256"})",
       R"({"type":"HS256","key":"a-very-long-hmac-secret-of-32-bytes-at-least","jwk_url":"http://x"})",
       R"({"type":"XX256","key":"a-very-long-hmac-secret-of-32-bytes-at-least"})",
       R"({"type":"RS256","key":"not a pem"})", R"({"jwk_url":"http://x","claims_format":"xml"})",
       R"({"jwk_url":"http://x","claims_namespace":"a","claims_namespace_path":"$.b"})",
       R"({"jwk_url":"http://x","claims_map":{"x-hasura-default-role":"user"}})",
       R"({"jwk_url":"http://x","header":{"type":"Cookie"}})", R"([1])", "not json"}) {
    EXPECT_FALSE(parseJwtConfig(json).has_value()) << json;
  }
  TestKey small = TestKey::rsa(1024);
  EXPECT_FALSE(
      parseJwtConfig(bj::serialize(bj::object{{"type", "RS256"}, {"key", small.publicPem()}}))
          .has_value());
  TestKey ec = TestKey::ec(32);
  EXPECT_FALSE(parseJwtConfig(bj::serialize(bj::object{{"type", "RS256"}, {"key", ec.publicPem()}}))
                   .has_value());
  EXPECT_FALSE(parseJwtConfig(bj::serialize(bj::object{{"type", "ES384"}, {"key", ec.publicPem()}}))
                   .has_value());
  auto list = parseJwtConfigs(R"([{"jwk_url":"http://a"},{"type":"HS512","key":")" +
                              std::string(64, 'k') + R"("}])");
  ASSERT_TRUE(list.has_value()) << list.error().message();
  EXPECT_EQ(list->size(), 2u);
}

TEST(JwtConfigTest, JsonPaths) {
  auto path = parseJsonPath("$.a['b.c'][2].d");
  ASSERT_TRUE(path.has_value());
  bj::value doc = bj::object{{"a", bj::object{{"b.c", bj::array{0, 1, bj::object{{"d", "x"}}}}}}};
  const bj::value* found = lookupPath(doc, *path);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(*found, "x");
  EXPECT_EQ(lookupPath(doc, *parseJsonPath("$.a.zz")), nullptr);
  for (const char* bad : {"$.", "$[", "$['a'", "$[x]", "$..a"}) {
    EXPECT_FALSE(parseJsonPath(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace graft::auth
