// runServe: wires the modules together for `graft serve` and runs until SIGINT/SIGTERM.
// Called once from main's thread; returns the process exit code.
#pragma once

#include "common/config.h"

namespace graft {

int runServe(const ServerConfig& config);

}  // namespace graft
