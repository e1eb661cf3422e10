// Request and Response: the transport-neutral HTTP messages that endpoint handlers see, so
// that no handler includes Beast. Plain values; a request belongs to one handler call.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace graft::server {

// Header names are stored lower-cased; lookups are case-insensitive by construction.
class Headers {
 public:
  void add(std::string_view name, std::string_view value);
  std::optional<std::string_view> get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& all() const { return entries_; }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

struct Request {
  std::string method;  // upper case, e.g. "POST"
  std::string path;    // without the query string
  std::string query;   // the raw query string, without '?'
  Headers headers;
  std::string body;
  std::string remote_ip;
  std::string request_id;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  static Response json(int status, std::string body);
  static Response text(int status, std::string body);
};

std::string toLower(std::string_view s);

}  // namespace graft::server
