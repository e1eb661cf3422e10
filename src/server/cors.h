// CorsPolicy: Hasura's CORS behaviour (HASURA_GRAPHQL_CORS_DOMAIN, HASURA_GRAPHQL_DISABLE_CORS).
// An allowed Origin is echoed back with credentials allowed; preflight requests get the
// requested headers back. Immutable after construction; shared by all threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "server/http_types.h"

namespace graft::server {

class CorsPolicy {
 public:
  // `domains` is the comma-separated list of HASURA_GRAPHQL_CORS_DOMAIN: "*" or origins such
  // as "https://app.example.com, http://*.example.com, http://localhost:3000".
  static Result<CorsPolicy> parse(std::string_view domains, bool disabled);

  // Whether a browser from this origin may read responses.
  bool allows(std::string_view origin) const;

  // Adds the CORS headers for `request` to `response`.
  void apply(const Request& request, Response& response) const;

  // The complete answer to a preflight (OPTIONS) request.
  Response preflight(const Request& request) const;

 private:
  struct Pattern {
    std::string scheme;
    std::string host;  // without a leading "*." when wildcard is set
    bool wildcard = false;
    std::optional<int> port;
  };

  bool disabled_ = false;
  bool allow_all_ = false;
  std::vector<Pattern> patterns_;
};

}  // namespace graft::server
