#include "planner/json_path.h"

#include <gtest/gtest.h>

namespace graft::planner {
namespace {

using Steps = std::vector<std::string>;

TEST(JsonPath, ReadsHasurasForms) {
  EXPECT_EQ(parseJsonPath("$"), Steps{});
  EXPECT_EQ(parseJsonPath(""), Steps{});
  EXPECT_EQ(parseJsonPath("a"), Steps{"a"});
  EXPECT_EQ(parseJsonPath("$.obj.c1"), (Steps{"obj", "c1"}));
  EXPECT_EQ(parseJsonPath(".obj.c1"), (Steps{"obj", "c1"}));
  EXPECT_EQ(parseJsonPath("._underscore"), Steps{"_underscore"});
  EXPECT_EQ(parseJsonPath("arr[0]"), (Steps{"arr", "0"}));
  EXPECT_EQ(parseJsonPath("$[12]"), Steps{"12"});
  EXPECT_EQ(parseJsonPath("[007]"), Steps{"7"});
  EXPECT_EQ(parseJsonPath("['!@#$%^']"), Steps{"!@#$%^"});
  EXPECT_EQ(parseJsonPath("translations['hello world!']"), (Steps{"translations", "hello world!"}));
  EXPECT_EQ(parseJsonPath("objs[0][\"你好\"]"), (Steps{"objs", "0", "你好"}));
  EXPECT_EQ(parseJsonPath("objs.[0].[\"你好\"]"), (Steps{"objs", "0", "你好"}));
  EXPECT_EQ(parseJsonPath("a-b_c9"), Steps{"a-b_c9"});
  EXPECT_EQ(parseJsonPath(R"(['it\'s'])"), Steps{"it's"});
  EXPECT_EQ(parseJsonPath("a['b']c"), (Steps{"a", "b", "c"}));
}

TEST(JsonPath, RejectsMalformedPaths) {
  for (const char* bad :
       {"9a", ".", "a..b", "a[", "a[]", "a[x]", "a['b", "a['b'", "a b", "$$", "a.[-1]"}) {
    EXPECT_EQ(parseJsonPath(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(jsonPathError("a b"),
            "parse json path error: a b. Accept letters, digits, underscore (_) or hyphen (-) "
            "only. Use quotes enclosed in bracket ([\"...\"]) if there is any special character");
}

}  // namespace
}  // namespace graft::planner
