#include "common/log.h"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace graft::log {

namespace {

struct State {
  Level level = Level::kInfo;
  std::vector<std::string> enabled = defaultEnabledTypes();
};

State& state() {
  static State s;
  return s;
}

std::mutex& writeMutex() {
  static std::mutex m;
  return m;
}

std::string nowTimestamp() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto secs = time_point_cast<seconds>(now);
  auto millis = duration_cast<milliseconds>(now - secs).count();
  std::time_t t = system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03d+0000", static_cast<int>(millis));
  return buf;
}

bool isConfigurable(std::string_view type) {
  const auto& all = configurableTypes();
  return std::find(all.begin(), all.end(), type) != all.end();
}

void writeKindInfo(Level level, std::string_view type, std::string_view kind,
                   std::string_view info) {
  if (!enabled(level, type)) return;
  boost::json::object detail;
  detail["kind"] = kind;
  detail["info"] = info;
  write(level, type, detail);
}

}  // namespace

Result<Level> parseLevel(std::string_view text) {
  if (text == "debug") return Level::kDebug;
  if (text == "info") return Level::kInfo;
  if (text == "warn") return Level::kWarn;
  if (text == "error") return Level::kError;
  return std::unexpected(Error::validationFailed("unknown log level \"" + std::string(text) +
                                                 "\"; expected debug, info, warn or error"));
}

std::string_view levelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

const std::vector<std::string>& configurableTypes() {
  static const std::vector<std::string> types = {"startup",
                                                 "http-log",
                                                 "webhook-log",
                                                 "websocket-log",
                                                 "query-log",
                                                 "jwk-refresh-log",
                                                 "livequery-poller-log",
                                                 "action-handler-log",
                                                 "data-connector-log",
                                                 "websocket-per-message-log",
                                                 "health-check-log",
                                                 "metrics"};
  return types;
}

const std::vector<std::string>& defaultEnabledTypes() {
  static const std::vector<std::string> types = {"startup", "http-log", "webhook-log",
                                                 "websocket-log", "jwk-refresh-log"};
  return types;
}

Status validateTypes(const std::vector<std::string>& types) {
  for (const auto& t : types) {
    if (!isConfigurable(t)) {
      std::string expected;
      for (const auto& c : configurableTypes()) expected += (expected.empty() ? "" : ", ") + c;
      return std::unexpected(
          Error::validationFailed("unknown log type \"" + t + "\"; expected one of: " + expected));
    }
  }
  return ok();
}

void configure(Settings settings) {
  state().level = settings.level;
  state().enabled = std::move(settings.enabled_types);
}

bool enabled(Level level, std::string_view type) {
  const State& s = state();
  if (level < s.level) return false;
  if (!isConfigurable(type)) return true;
  return std::find(s.enabled.begin(), s.enabled.end(), type) != s.enabled.end();
}

std::string formatLine(std::string_view timestamp, Level level, std::string_view type,
                       const boost::json::value& detail) {
  boost::json::object line;
  line["timestamp"] = timestamp;
  line["level"] = levelName(level);
  line["type"] = type;
  line["detail"] = detail;
  return boost::json::serialize(line);
}

void write(Level level, std::string_view type, const boost::json::value& detail) {
  if (!enabled(level, type)) return;
  std::string line = formatLine(nowTimestamp(), level, type, detail);
  line += '\n';
  std::lock_guard lock(writeMutex());
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
}

void info(std::string_view type, std::string_view kind, std::string_view i) {
  writeKindInfo(Level::kInfo, type, kind, i);
}
void warn(std::string_view type, std::string_view kind, std::string_view i) {
  writeKindInfo(Level::kWarn, type, kind, i);
}
void error(std::string_view type, std::string_view kind, std::string_view i) {
  writeKindInfo(Level::kError, type, kind, i);
}

}  // namespace graft::log
