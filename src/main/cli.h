// The command line of the `graft` binary: subcommands, flags and Hasura's environment
// variables turned into a validated ServerConfig. Pure: no side effects, so tests can drive it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/config.h"
#include "common/result.h"

namespace graft::cli {

enum class Action { kServe, kVersion, kHelp };

struct Command {
  Action action = Action::kHelp;
  ServerConfig config;
  std::string help_text;  // for kHelp
};

using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// The process environment.
EnvLookup processEnv();

// Parses argv (argv[0] included). An invalid value fails with a message naming the flag and
// its environment variable.
Result<Command> parse(const std::vector<std::string>& args, const EnvLookup& env);

}  // namespace graft::cli
