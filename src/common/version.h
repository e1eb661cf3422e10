// The version Graft reports on /v1/version and in its startup log.
#pragma once

namespace graft {

inline constexpr const char* kVersion = "v2.48.0-graft.0.1.0";

}  // namespace graft
