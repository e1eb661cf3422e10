// AuthWebhook: HASURA_GRAPHQL_AUTH_HOOK. GET mode forwards the client's headers (minus the
// hop-by-hop and client-specific ones Hasura drops); POST mode sends {"headers", "request"}.
// 200 → the session from the JSON body's X-Hasura-* values, 401 → access-denied, anything else
// → 500. A 200 answer with Cache-Control max-age or Expires (in the body, as Hasura's spec
// says, or as HTTP headers) is reused for the same credentials until it expires.
// Any thread: the cache is behind a mutex never held across a suspension.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "auth/clock.h"
#include "common/result.h"
#include "common/session.h"
#include "http/client.h"

namespace graft::auth {

struct WebhookConfig {
  enum class Mode { kGet, kPost };
  std::string url;
  Mode mode = Mode::kGet;
  std::chrono::milliseconds timeout{60000};
  size_t max_cached = 10000;
};

class AuthWebhook {
 public:
  AuthWebhook(WebhookConfig config, std::shared_ptr<http::HttpClient> client, Clock clock);

  // `headers`: the client's, names lower-cased. `request`: the GraphQL request body when there
  // is one (sent in POST mode), else null.
  boost::asio::awaitable<Result<Session>> authenticate(
      const std::vector<std::pair<std::string, std::string>>& headers,
      const boost::json::value& request);

  // The session a 200 answer's body describes (exposed for tests).
  static Result<Session> sessionFromBody(const boost::json::value& body);

 private:
  struct Cached {
    Session session;
    TimePoint expires;
  };

  WebhookConfig config_;
  std::shared_ptr<http::HttpClient> client_;
  Clock clock_;
  std::mutex mutex_;
  std::map<std::string, Cached> cache_;  // mutex_; key: method + forwarded headers
};

}  // namespace graft::auth
