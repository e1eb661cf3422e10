#include "common/log.h"

#include <gtest/gtest.h>

#include <boost/json/value.hpp>

namespace graft::log {
namespace {

TEST(LogTest, LineHasHasuraShape) {
  boost::json::object detail;
  detail["kind"] = "server_started";
  std::string line = formatLine("2026-01-01T00:00:00.000+0000", Level::kInfo, "startup", detail);
  EXPECT_EQ(line, R"({"timestamp":"2026-01-01T00:00:00.000+0000","level":"info","type":"startup",)"
                  R"("detail":{"kind":"server_started"}})");
}

TEST(LogTest, FiltersByLevelAndEnabledTypes) {
  configure({Level::kWarn, {"http-log"}});
  EXPECT_FALSE(enabled(Level::kInfo, "http-log"));
  EXPECT_TRUE(enabled(Level::kError, "http-log"));
  EXPECT_FALSE(enabled(Level::kError, "startup"));
  // Internal log types are not switchable; only the level filters them.
  EXPECT_TRUE(enabled(Level::kWarn, "pg-client"));
  configure({});
  EXPECT_TRUE(enabled(Level::kInfo, "startup"));
  EXPECT_FALSE(enabled(Level::kInfo, "query-log"));
}

TEST(LogTest, RejectsUnknownLevelsAndTypes) {
  EXPECT_FALSE(parseLevel("verbose").has_value());
  EXPECT_EQ(parseLevel("warn").value(), Level::kWarn);
  auto s = validateTypes({"http-log", "nonsense"});
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().message().find("nonsense"), std::string::npos);
}

}  // namespace
}  // namespace graft::log
