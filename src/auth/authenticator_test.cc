// The Authenticator's modes without JWT: dev mode, admin secret, unauthorized role, the
// start-up checks Hasura makes, and the webhook answer's session.
#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>

#include "auth/admin_secret.h"

namespace graft::auth {
namespace {

namespace asio = boost::asio;

Result<std::shared_ptr<Authenticator>> make(AuthConfig config, asio::io_context& ioc) {
  return Authenticator::create(std::move(config), ioc.get_executor(),
                               std::make_shared<http::HttpClient>());
}

Result<Session> run(asio::io_context& ioc, Authenticator& auth, HeaderList headers) {
  auto future = asio::co_spawn(ioc, auth.authenticate(headers), asio::use_future);
  ioc.restart();
  ioc.run();
  return future.get();
}

TEST(AuthenticatorTest, DevModeIsAdminAndMayPickARole) {
  asio::io_context ioc;
  auto auth = make({}, ioc);
  ASSERT_TRUE(auth.has_value());
  auto admin = run(ioc, **auth, {});
  ASSERT_TRUE(admin.has_value());
  EXPECT_TRUE(admin->isAdmin());
  auto user = run(ioc, **auth,
                  {{"x-hasura-role", "user"},
                   {"x-hasura-user-id", "1"},
                   {"x-hasura-admin-secret", "whatever"}});
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->role, "user");
  EXPECT_EQ(user->variables.size(), 1u);
}

TEST(AuthenticatorTest, AdminSecretAndUnauthorizedRole) {
  asio::io_context ioc;
  AuthConfig config;
  config.admin_secret = "s3cret";
  auto auth = make(config, ioc);
  ASSERT_TRUE(auth.has_value());
  auto missing = run(ioc, **auth, {});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message(),
            "x-hasura-admin-secret/x-hasura-access-key required, but not found");
  EXPECT_EQ(missing.error().httpStatus(), 401);
  auto wrong = run(ioc, **auth, {{"x-hasura-admin-secret", "s3cret "}});
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().message(), "invalid x-hasura-admin-secret/x-hasura-access-key");
  EXPECT_TRUE(run(ioc, **auth, {{"x-hasura-access-key", "s3cret"}})->isAdmin());
  EXPECT_EQ(run(ioc, **auth, {{"x-hasura-admin-secret", "s3cret"}, {"x-hasura-role", "u"}})->role,
            "u");

  config.unauthorized_role = "anonymous";
  auto with_role = make(config, ioc);
  ASSERT_TRUE(with_role.has_value());
  auto anonymous = run(ioc, **with_role, {{"x-hasura-role", "admin"}, {"x-hasura-user-id", "3"}});
  ASSERT_TRUE(anonymous.has_value());
  EXPECT_EQ(anonymous->role, "anonymous");
  EXPECT_EQ(anonymous->variable("x-hasura-user-id"), "3");
  EXPECT_FALSE(run(ioc, **with_role, {{"x-hasura-admin-secret", "bad"}}).has_value());
}

TEST(AuthenticatorTest, BackendOnlyPermissionsNeedTheAdminSecret) {
  asio::io_context ioc;
  AuthConfig config;
  config.admin_secret = "s3cret";
  config.unauthorized_role = "anonymous";
  auto auth = make(config, ioc);
  ASSERT_TRUE(auth.has_value());
  auto backend = run(ioc, **auth,
                     {{"x-hasura-admin-secret", "s3cret"},
                      {"x-hasura-role", "user"},
                      {"x-hasura-use-backend-only-permissions", "True"}});
  ASSERT_TRUE(backend.has_value());
  EXPECT_TRUE(backend->backend_only);
  auto plain = run(ioc, **auth, {{"x-hasura-admin-secret", "s3cret"}, {"x-hasura-role", "user"}});
  EXPECT_FALSE(plain->backend_only);
  // Without the secret, asking changes nothing.
  auto anonymous = run(ioc, **auth, {{"x-hasura-use-backend-only-permissions", "true"}});
  ASSERT_TRUE(anonymous.has_value());
  EXPECT_EQ(anonymous->role, "anonymous");
  EXPECT_FALSE(anonymous->backend_only);
}

TEST(AuthenticatorTest, StartupChecksAsHasura) {
  asio::io_context ioc;
  auto jwt = parseJwtConfig(R"({"jwk_url":"http://127.0.0.1:1/jwks"})");
  ASSERT_TRUE(jwt.has_value());
  AuthConfig jwt_only;
  jwt_only.jwt.push_back(*jwt);
  EXPECT_FALSE(make(jwt_only, ioc).has_value());
  AuthConfig hook_only;
  hook_only.webhook = WebhookConfig{"http://127.0.0.1:1/hook"};
  EXPECT_FALSE(make(hook_only, ioc).has_value());
  AuthConfig both = jwt_only;
  both.admin_secret = "s";
  both.webhook = WebhookConfig{"http://127.0.0.1:1/hook"};
  EXPECT_FALSE(make(both, ioc).has_value());
  AuthConfig unauth_no_secret;
  unauth_no_secret.unauthorized_role = "anonymous";
  EXPECT_FALSE(make(unauth_no_secret, ioc).has_value());
  AuthConfig hook_unauth = hook_only;
  hook_unauth.admin_secret = "s";
  hook_unauth.unauthorized_role = "anonymous";
  EXPECT_FALSE(make(hook_unauth, ioc).has_value());
  hook_unauth.unauthorized_role.reset();
  EXPECT_TRUE(make(hook_unauth, ioc).has_value());
}

TEST(AuthenticatorTest, WebhookBodyGivesTheSession) {
  auto session = AuthWebhook::sessionFromBody(boost::json::parse(
      R"({"X-Hasura-Role":"user","X-Hasura-User-Id":"25","x-hasura-n":5,"Cache-Control":"max-age=1"})"));
  ASSERT_TRUE(session.has_value());
  EXPECT_EQ(session->role, "user");
  EXPECT_EQ(session->variable("x-hasura-user-id"), "25");
  EXPECT_EQ(session->variable("x-hasura-n"), "5");
  EXPECT_EQ(session->variables.size(), 2u);
  auto no_role = AuthWebhook::sessionFromBody(boost::json::parse(R"({"x-hasura-user-id":"1"})"));
  ASSERT_FALSE(no_role.has_value());
  EXPECT_EQ(no_role.error().message(), "x-hasura-role not found in session variables");
  EXPECT_FALSE(AuthWebhook::sessionFromBody(boost::json::parse("[]")).has_value());
}

TEST(AuthenticatorTest, ConstantTimeEquals) {
  EXPECT_TRUE(constantTimeEquals("abc", "abc"));
  EXPECT_FALSE(constantTimeEquals("abc", "abd"));
  EXPECT_FALSE(constantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(constantTimeEquals("", "a"));
}

}  // namespace
}  // namespace graft::auth
