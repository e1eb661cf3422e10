#include "server/cors.h"

#include <gtest/gtest.h>

namespace graft::server {
namespace {

std::optional<std::string> header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (toLower(k) == toLower(name)) return v;
  }
  return std::nullopt;
}

Request withOrigin(const std::string& origin) {
  Request r;
  r.method = "POST";
  r.headers.add("Origin", origin);
  return r;
}

TEST(CorsTest, StarEchoesAnyOriginWithCredentials) {
  auto policy = CorsPolicy::parse("*", false).value();
  Response res;
  policy.apply(withOrigin("https://app.example.com"), res);
  EXPECT_EQ(header(res, "Access-Control-Allow-Origin"), "https://app.example.com");
  EXPECT_EQ(header(res, "Access-Control-Allow-Credentials"), "true");
}

TEST(CorsTest, DomainListMatchesSchemeHostPortAndWildcards) {
  auto policy =
      CorsPolicy::parse("https://app.example.com, http://*.foo.com, http://localhost:3000", false)
          .value();
  EXPECT_TRUE(policy.allows("https://app.example.com"));
  EXPECT_FALSE(policy.allows("http://app.example.com"));
  EXPECT_TRUE(policy.allows("http://a.foo.com"));
  EXPECT_TRUE(policy.allows("http://a.b.foo.com"));
  EXPECT_FALSE(policy.allows("http://foo.com"));
  EXPECT_FALSE(policy.allows("http://evilfoo.com"));
  EXPECT_TRUE(policy.allows("http://localhost:3000"));
  EXPECT_FALSE(policy.allows("http://localhost:3001"));
  Response res;
  policy.apply(withOrigin("https://evil.com"), res);
  EXPECT_FALSE(header(res, "Access-Control-Allow-Origin").has_value());
}

TEST(CorsTest, PreflightReturnsRequestedHeaders) {
  auto policy = CorsPolicy::parse("*", false).value();
  Request r = withOrigin("http://x.io");
  r.method = "OPTIONS";
  r.headers.add("Access-Control-Request-Headers", "content-type,x-hasura-role");
  Response res = policy.preflight(r);
  EXPECT_EQ(res.status, 204);
  EXPECT_EQ(header(res, "Access-Control-Allow-Headers"), "content-type,x-hasura-role");
  EXPECT_EQ(header(res, "Access-Control-Max-Age"), "1728000");
}

TEST(CorsTest, DisabledSendsNothing) {
  auto policy = CorsPolicy::parse("*", true).value();
  Response res;
  policy.apply(withOrigin("http://x.io"), res);
  EXPECT_TRUE(res.headers.empty());
}

TEST(CorsTest, RejectsMalformedDomains) {
  EXPECT_FALSE(CorsPolicy::parse("example.com", false).has_value());
  EXPECT_FALSE(CorsPolicy::parse("http://x.com:99999", false).has_value());
  EXPECT_FALSE(CorsPolicy::parse(" , ", false).has_value());
}

}  // namespace
}  // namespace graft::server
