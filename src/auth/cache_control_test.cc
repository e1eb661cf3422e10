#include "auth/cache_control.h"

#include <gtest/gtest.h>

namespace graft::auth {
namespace {

using std::chrono::seconds;

TEST(CacheControlTest, MaxAgeAndFriends) {
  TimePoint now{};
  EXPECT_EQ(cacheLifetime("max-age=60", std::nullopt, now), seconds(60));
  EXPECT_EQ(cacheLifetime("public, max-age=\"30\", s-maxage=5", std::nullopt, now), seconds(30));
  EXPECT_EQ(cacheLifetime("s-maxage=5", std::nullopt, now), seconds(5));
  EXPECT_EQ(cacheLifetime("no-cache", std::nullopt, now), seconds(0));
  EXPECT_EQ(cacheLifetime("no-store, max-age=60", std::nullopt, now), seconds(0));
  EXPECT_EQ(cacheLifetime("must-revalidate, max-age=20", std::nullopt, now), seconds(20));
  EXPECT_EQ(cacheLifetime("private", std::nullopt, now), std::nullopt);
  EXPECT_EQ(cacheLifetime("max-age=abc", std::nullopt, now), std::nullopt);
  EXPECT_EQ(cacheLifetime(std::nullopt, std::nullopt, now), std::nullopt);
}

TEST(CacheControlTest, ExpiresIsRelativeToNow) {
  auto date = parseHttpDate("Wed, 21 Oct 2015 07:28:00 GMT");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(std::chrono::system_clock::to_time_t(*date), 1445412480);
  EXPECT_EQ(cacheLifetime(std::nullopt, "Wed, 21 Oct 2015 07:28:00 GMT", *date - seconds(90)),
            seconds(90));
  EXPECT_EQ(cacheLifetime(std::nullopt, "Wed, 21 Oct 2015 07:28:00 GMT", *date + seconds(90)),
            seconds(0));
  EXPECT_EQ(cacheLifetime("max-age=5", "Wed, 21 Oct 2015 07:28:00 GMT", *date), seconds(5));
  EXPECT_EQ(cacheLifetime(std::nullopt, "yesterday", *date), std::nullopt);
  EXPECT_TRUE(parseHttpDate("Wednesday, 21-Oct-15 07:28:00 GMT").has_value());
  EXPECT_TRUE(parseHttpDate("Wed Oct 21 07:28:00 2015").has_value());
}

}  // namespace
}  // namespace graft::auth
