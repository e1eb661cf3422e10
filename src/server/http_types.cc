#include "server/http_types.h"

#include <algorithm>

namespace graft::server {

std::string toLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void Headers::add(std::string_view name, std::string_view value) {
  entries_.emplace_back(toLower(name), std::string(value));
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
  std::string key = toLower(name);
  for (const auto& [k, v] : entries_) {
    if (k == key) return std::string_view(v);
  }
  return std::nullopt;
}

Response Response::json(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response Response::text(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

}  // namespace graft::server
