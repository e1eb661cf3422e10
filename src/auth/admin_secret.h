// Comparing a request's admin secret with the configured one without leaking, through timing,
// where they differ or how long the secret is. Pure function; any thread.
#pragma once

#include <string_view>

namespace graft::auth {

bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace graft::auth
