// How long an HTTP answer (a JWK set, an auth webhook's verdict) may be reused, from its
// Cache-Control or Expires, as Hasura reads them. Pure functions; any thread.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "auth/clock.h"

namespace graft::auth {

// Cache-Control first: no-cache / no-store → 0 (unless must-revalidate with a max-age),
// else max-age or s-maxage; then Expires minus now (never negative). nullopt when neither
// header says anything usable.
std::optional<std::chrono::seconds> cacheLifetime(std::optional<std::string_view> cache_control,
                                                  std::optional<std::string_view> expires,
                                                  TimePoint now);

// An HTTP date (IMF-fixdate, "Wed, 21 Oct 2015 07:28:00 GMT", or the obsolete RFC 850 and
// asctime forms).
std::optional<TimePoint> parseHttpDate(std::string_view text);

}  // namespace graft::auth
