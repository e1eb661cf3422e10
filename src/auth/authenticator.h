// Authenticator: a request's headers → its Session, by Hasura's rules. The admin secret (in
// x-hasura-admin-secret or the legacy x-hasura-access-key) makes a request admin, and an
// admin may pick a role and session variables with x-hasura-* headers; without it the JWT,
// the auth webhook or the unauthorized role decides; with nothing configured every request is
// admin. Built once at start-up from the configuration; authenticate() from any thread.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/clock.h"
#include "auth/jwk.h"
#include "auth/jwt_config.h"
#include "auth/webhook.h"
#include "common/result.h"
#include "common/session.h"
#include "http/client.h"

namespace graft::auth {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct AuthConfig {
  std::optional<std::string> admin_secret;       // HASURA_GRAPHQL_ADMIN_SECRET
  std::optional<std::string> unauthorized_role;  // HASURA_GRAPHQL_UNAUTHORIZED_ROLE
  std::vector<JwtConfig> jwt;                    // HASURA_GRAPHQL_JWT_SECRET(S)
  std::optional<WebhookConfig> webhook;          // HASURA_GRAPHQL_AUTH_HOOK(_MODE)
  std::chrono::milliseconds jwk_fetch_timeout{10000};
  JwkOptions jwk;
};

class Authenticator {
 public:
  // Refuses the combinations Hasura refuses at start-up (JWT or webhook without an admin
  // secret, both together, an unauthorized role without an admin secret or with a webhook),
  // with Hasura's "Fatal Error" messages.
  static Result<std::shared_ptr<Authenticator>> create(AuthConfig config,
                                                       boost::asio::any_io_executor executor,
                                                       std::shared_ptr<http::HttpClient> client,
                                                       Clock clock = systemClock());

  // Fetches the JWK sets in the background.
  void start();

  // `headers`: names lower-cased. `request`: the GraphQL body, for a POST-mode webhook.
  // Errors carry Hasura's code, message and HTTP status (the GraphQL endpoint answers them
  // with 200, as Hasura does).
  boost::asio::awaitable<Result<Session>> authenticate(const HeaderList& headers,
                                                       const boost::json::value& request = {});

  bool adminSecretSet() const { return config_.admin_secret.has_value(); }
  // Whether authenticate() uses the GraphQL request body (a POST-mode webhook does).
  bool wantsRequestBody() const {
    return config_.webhook && config_.webhook->mode == WebhookConfig::Mode::kPost;
  }

 private:
  Authenticator(AuthConfig config, std::shared_ptr<http::HttpClient> client, Clock clock)
      : config_(std::move(config)), client_(std::move(client)), clock_(std::move(clock)) {}

  boost::asio::awaitable<Result<Session>> fromJwt(const HeaderList& headers);
  Session unauthorized(const HeaderList& headers) const;

  AuthConfig config_;
  std::shared_ptr<http::HttpClient> client_;
  Clock clock_;
  std::vector<std::shared_ptr<JwkStore>> jwk_stores_;  // one per jwt config; null with a key
  std::unique_ptr<AuthWebhook> webhook_;
};

// x-hasura-* headers as session variables (lower-cased, without x-hasura-role and the admin
// secret headers), and the x-hasura-role header.
std::vector<std::pair<std::string, std::string>> sessionVariablesOf(const HeaderList& headers);
std::optional<std::string_view> headerOf(const HeaderList& headers, std::string_view name);

}  // namespace graft::auth
