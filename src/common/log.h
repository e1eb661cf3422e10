// Structured logging in Hasura's shape: one JSON object per line on stdout,
// {"timestamp","level","type","detail"}, filtered by level and by the enabled log types.
// configure() is called once at start-up before other threads run; the writers are thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace boost::json {
class value;
}

namespace graft::log {

enum class Level { kDebug, kInfo, kWarn, kError };

Result<Level> parseLevel(std::string_view text);
std::string_view levelName(Level level);

// The log types a user can switch on and off (HASURA_GRAPHQL_ENABLED_LOG_TYPES). Other
// types are internal and always written when their level passes.
const std::vector<std::string>& configurableTypes();
const std::vector<std::string>& defaultEnabledTypes();

struct Settings {
  Level level = Level::kInfo;
  std::vector<std::string> enabled_types = defaultEnabledTypes();
};

// Rejects unknown log types with a message naming them.
Status validateTypes(const std::vector<std::string>& types);

void configure(Settings settings);

// Whether a line of this level and type would be written; check it before building an
// expensive detail.
bool enabled(Level level, std::string_view type);

void write(Level level, std::string_view type, const boost::json::value& detail);

// Shorthand for internal messages: {"detail":{"kind":kind,"info":info}}.
void info(std::string_view type, std::string_view kind, std::string_view info);
void warn(std::string_view type, std::string_view kind, std::string_view info);
void error(std::string_view type, std::string_view kind, std::string_view info);

// Formats one line (without the newline); exposed for tests.
std::string formatLine(std::string_view timestamp, Level level, std::string_view type,
                       const boost::json::value& detail);

}  // namespace graft::log
