#include "auth/cache_control.h"

#include <charconv>
#include <ctime>
#include <string>

namespace graft::auth {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::chrono::seconds> cacheLifetime(std::optional<std::string_view> cache_control,
                                                  std::optional<std::string_view> expires,
                                                  TimePoint now) {
  if (cache_control) {
    std::optional<long long> max_age;
    bool no_cache = false;
    bool must_revalidate = false;
    std::string_view rest = *cache_control;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view directive = trim(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      size_t eq = directive.find('=');
      std::string_view name = trim(directive.substr(0, eq));
      if (eq != std::string_view::npos &&
          (equalsIgnoreCase(name, "max-age") || equalsIgnoreCase(name, "s-maxage"))) {
        std::string_view value = trim(directive.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
          value = value.substr(1, value.size() - 2);
        }
        long long v = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec == std::errc() && p == value.data() + value.size() && v >= 0 &&
            (!max_age || equalsIgnoreCase(name, "max-age"))) {
          max_age = v;
        }
      } else if (equalsIgnoreCase(name, "no-cache") || equalsIgnoreCase(name, "no-store")) {
        no_cache = true;
      } else if (equalsIgnoreCase(name, "must-revalidate")) {
        must_revalidate = true;
      }
    }
    if (must_revalidate) return std::chrono::seconds(max_age.value_or(0));
    if (no_cache) return std::chrono::seconds(0);
    if (max_age) return std::chrono::seconds(*max_age);
  }
  if (expires) {
    auto at = parseHttpDate(trim(*expires));
    if (!at) return std::nullopt;
    auto left = std::chrono::duration_cast<std::chrono::seconds>(*at - now);
    return left.count() > 0 ? left : std::chrono::seconds(0);
  }
  return std::nullopt;
}

std::optional<TimePoint> parseHttpDate(std::string_view text) {
  std::string s(text);
  for (const char* format :
       {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"}) {
    std::tm tm{};
    const char* end = strptime(s.c_str(), format, &tm);
    if (end != nullptr && *end == '\0') {
      return std::chrono::system_clock::from_time_t(timegm(&tm));
    }
  }
  return std::nullopt;
}

}  // namespace graft::auth
