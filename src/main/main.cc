// The `graft` binary: parses the command line and runs the chosen subcommand.
#include <cstdio>
#include <string>
#include <vector>

#include "common/version.h"
#include "main/cli.h"
#include "main/serve.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  auto command = graft::cli::parse(args, graft::cli::processEnv());
  if (!command) {
    std::fprintf(stderr, "graft: %s\n", command.error().message().c_str());
    return 2;
  }
  switch (command->action) {
    case graft::cli::Action::kHelp:
      std::fputs(command->help_text.c_str(), stdout);
      return 0;
    case graft::cli::Action::kVersion:
      std::printf("graft %s\n", graft::kVersion);
      return 0;
    case graft::cli::Action::kServe:
      return graft::runServe(command->config);
  }
  return 0;
}
