#include "server/cors.h"

#include <charconv>

namespace graft::server {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '/')) s.remove_suffix(1);
  return s;
}

struct Origin {
  std::string scheme;
  std::string host;
  std::optional<int> port;
};

std::optional<Origin> splitOrigin(std::string_view text) {
  auto sep = text.find("://");
  if (sep == std::string_view::npos || sep == 0) return std::nullopt;
  Origin o;
  o.scheme = toLower(text.substr(0, sep));
  std::string_view rest = text.substr(sep + 3);
  if (rest.empty() || rest.find('/') != std::string_view::npos) return std::nullopt;
  auto colon = rest.rfind(':');
  if (colon != std::string_view::npos && rest.find(']') == std::string_view::npos) {
    int port = 0;
    auto digits = rest.substr(colon + 1);
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (ec != std::errc() || p != digits.data() + digits.size() || port <= 0 || port > 65535) {
      return std::nullopt;
    }
    o.port = port;
    rest = rest.substr(0, colon);
  }
  if (rest.empty()) return std::nullopt;
  o.host = toLower(rest);
  return o;
}

}  // namespace

Result<CorsPolicy> CorsPolicy::parse(std::string_view domains, bool disabled) {
  CorsPolicy policy;
  policy.disabled_ = disabled;
  std::string_view rest = domains;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view item = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (item.empty()) continue;
    if (item == "*") {
      policy.allow_all_ = true;
      continue;
    }
    auto origin = splitOrigin(item);
    if (!origin) {
      return std::unexpected(
          Error::validationFailed("invalid CORS domain \"" + std::string(item) +
                                  "\": expected \"*\" or an origin such as https://example.com, "
                                  "http://*.example.com or http://localhost:3000"));
    }
    Pattern p{origin->scheme, origin->host, false, origin->port};
    if (p.host.starts_with("*.")) {
      p.wildcard = true;
      p.host = p.host.substr(2);
    }
    policy.patterns_.push_back(std::move(p));
  }
  if (!policy.allow_all_ && policy.patterns_.empty()) {
    return std::unexpected(Error::validationFailed("the CORS domain list is empty"));
  }
  return policy;
}

bool CorsPolicy::allows(std::string_view origin_text) const {
  if (disabled_) return false;
  if (allow_all_) return true;
  auto origin = splitOrigin(origin_text);
  if (!origin) return false;
  for (const auto& p : patterns_) {
    if (p.scheme != origin->scheme || p.port != origin->port) continue;
    if (!p.wildcard && p.host == origin->host) return true;
    if (p.wildcard && origin->host.size() > p.host.size() + 1 &&
        origin->host.ends_with("." + p.host)) {
      return true;
    }
  }
  return false;
}

void CorsPolicy::apply(const Request& request, Response& response) const {
  auto origin = request.headers.get("origin");
  if (!origin || !allows(*origin)) return;
  response.headers.emplace_back("Access-Control-Allow-Origin", std::string(*origin));
  response.headers.emplace_back("Access-Control-Allow-Credentials", "true");
  response.headers.emplace_back("Access-Control-Allow-Methods",
                                "GET,POST,PUT,PATCH,DELETE,OPTIONS");
  response.headers.emplace_back("Vary", "Origin");
}

Response CorsPolicy::preflight(const Request& request) const {
  Response response = Response::text(204, "");
  apply(request, response);
  auto origin = request.headers.get("origin");
  if (origin && allows(*origin)) {
    if (auto requested = request.headers.get("access-control-request-headers")) {
      response.headers.emplace_back("Access-Control-Allow-Headers", std::string(*requested));
    }
    response.headers.emplace_back("Access-Control-Max-Age", "1728000");
  }
  return response;
}

}  // namespace graft::server
