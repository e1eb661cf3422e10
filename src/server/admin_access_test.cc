#include "server/admin_access.h"

#include <gtest/gtest.h>

namespace graft::server {
namespace {

Headers with(std::initializer_list<std::pair<const char*, const char*>> pairs) {
  Headers h;
  for (auto [k, v] : pairs) h.add(k, v);
  return h;
}

TEST(AdminAccessTest, NoSecretMeansAdminUnlessAnotherRoleIsAsked) {
  EXPECT_TRUE(checkAdminAccess(std::nullopt, with({})).has_value());
  EXPECT_TRUE(checkAdminAccess(std::nullopt, with({{"X-Hasura-Role", "admin"}})).has_value());
  auto denied = checkAdminAccess(std::nullopt, with({{"X-Hasura-Role", "user"}}));
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code(), "access-denied");
  EXPECT_EQ(denied.error().message(), "restricted access : admin only");
}

TEST(AdminAccessTest, SecretMustBePresentAndMatch) {
  std::optional<std::string> secret = "s3cret";
  auto missing = checkAdminAccess(secret, with({}));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().httpStatus(), 401);
  auto wrong = checkAdminAccess(secret, with({{"x-hasura-admin-secret", "nope"}}));
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().message(), "invalid x-hasura-admin-secret/x-hasura-access-key");
  EXPECT_TRUE(checkAdminAccess(secret, with({{"X-Hasura-Admin-Secret", "s3cret"}})).has_value());
}

TEST(AdminAccessTest, ConstantTimeEquals) {
  EXPECT_TRUE(constantTimeEquals("abc", "abc"));
  EXPECT_FALSE(constantTimeEquals("abc", "abd"));
  EXPECT_FALSE(constantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(constantTimeEquals("", "a"));
}

}  // namespace
}  // namespace graft::server
