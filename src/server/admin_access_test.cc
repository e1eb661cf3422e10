#include "server/admin_access.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace graft::server {
namespace {

bool data(const char* json) { return isDataCommand(boost::json::parse(json)); }

TEST(AdminAccessTest, DataCommandsAreOpenToOtherRoles) {
  for (const char* type : {"select", "count", "insert", "update", "delete"}) {
    EXPECT_TRUE(data((std::string(R"({"type":")") + type + R"(","args":{}})").c_str())) << type;
  }
  EXPECT_TRUE(data(R"({"type":"bulk","args":[{"type":"select","args":{}},
                      {"type":"bulk","args":[{"type":"count","args":{}}]}]})"));
  EXPECT_FALSE(data(R"({"type":"bulk","args":[{"type":"select"},{"type":"run_sql"}]})"));
  EXPECT_FALSE(data(R"({"type":"run_sql","args":{}})"));
  EXPECT_FALSE(data(R"({"type":"track_table","args":{}})"));
  EXPECT_FALSE(data(R"({"args":{}})"));
  EXPECT_FALSE(data(R"([1])"));
}

TEST(AdminAccessTest, RefusalLooksLikeHasuras) {
  Error e = adminOnly();
  EXPECT_EQ(e.code(), "access-denied");
  EXPECT_EQ(e.message(), "restricted access : admin only");
  EXPECT_EQ(e.path(), "$.args");
  EXPECT_EQ(e.httpStatus(), 400);
}

}  // namespace
}  // namespace graft::server
