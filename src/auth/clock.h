// The auth layer's notion of "now" (wall-clock, as JWT exp/nbf/iat and HTTP Expires are), a
// function so that tests can move time by hand instead of sleeping. Any thread.
#pragma once

#include <chrono>
#include <functional>

namespace graft::auth {

using TimePoint = std::chrono::system_clock::time_point;
using Clock = std::function<TimePoint()>;

inline Clock systemClock() {
  return [] { return std::chrono::system_clock::now(); };
}

}  // namespace graft::auth
