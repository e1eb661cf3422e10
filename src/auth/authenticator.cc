#include "auth/authenticator.h"

#include <boost/json/parse.hpp>

#include "auth/admin_secret.h"
#include "auth/claims.h"
#include "auth/jwt.h"

namespace graft::auth {

namespace {

namespace asio = boost::asio;
namespace bj = boost::json;

constexpr std::string_view kRequiresSecret =
    " requires --admin-secret (HASURA_GRAPHQL_ADMIN_SECRET) or  --access-key "
    "(HASURA_GRAPHQL_ACCESS_KEY) to be set";

Error fatal(std::string message) { return Error::validationFailed(std::move(message)); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of cookie `name` in a Cookie header ("a=1; b=2").
std::optional<std::string_view> cookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    size_t semi = header.find(';');
    std::string_view pair = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) {
      std::string_view value = trim(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return value;
    }
  }
  return std::nullopt;
}

// The iss claim of a token, read without verifying it: only used to pick among configs.
std::optional<std::string> unverifiedIssuer(std::string_view token) {
  auto jwt = decodeJwt(token);
  if (!jwt) return std::nullopt;
  auto iss = jwt->claims.find("iss");
  if (iss == jwt->claims.end() || !iss->value().is_string()) return std::nullopt;
  return std::string(iss->value().as_string());
}

}  // namespace

std::optional<std::string_view> headerOf(const HeaderList& headers, std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> sessionVariablesOf(const HeaderList& headers) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : headers) {
    if (name.starts_with("x-hasura-") && name != "x-hasura-role" &&
        name != "x-hasura-admin-secret" && name != "x-hasura-access-key") {
      out.emplace_back(name, value);
    }
  }
  return out;
}

Result<std::shared_ptr<Authenticator>> Authenticator::create(
    AuthConfig config, asio::any_io_executor executor, std::shared_ptr<http::HttpClient> client,
    Clock clock) {
  bool jwt = !config.jwt.empty();
  bool hook = config.webhook.has_value();
  bool secret = config.admin_secret.has_value();
  if (jwt && hook) {
    return std::unexpected(
        fatal("Fatal Error: Both webhook and JWT mode cannot be enabled at the same time"));
  }
  if (config.unauthorized_role && (hook || !secret)) {
    return std::unexpected(
        fatal("Fatal Error: --unauthorized-role (HASURA_GRAPHQL_UNAUTHORIZED_ROLE)" +
              std::string(kRequiresSecret) +
              " and is not allowed when --auth-hook (HASURA_GRAPHQL_AUTH_HOOK) is set"));
  }
  if (hook && !secret) {
    return std::unexpected(fatal("Fatal Error : --auth-hook (HASURA_GRAPHQL_AUTH_HOOK)" +
                                 std::string(kRequiresSecret)));
  }
  if (jwt && !secret) {
    return std::unexpected(fatal("Fatal Error : --jwt-secret (HASURA_GRAPHQL_JWT_SECRET)" +
                                 std::string(kRequiresSecret)));
  }
  std::shared_ptr<Authenticator> out(new Authenticator(std::move(config), client, clock));
  for (const auto& c : out->config_.jwt) {
    if (!c.jwk_url) {
      out->jwk_stores_.push_back(nullptr);
      continue;
    }
    out->jwk_stores_.push_back(std::make_shared<JwkStore>(
        executor, *c.jwk_url,
        JwkStore::httpFetcher(client, *c.jwk_url, out->config_.jwk_fetch_timeout), clock,
        out->config_.jwk));
  }
  if (out->config_.webhook) {
    out->webhook_ = std::make_unique<AuthWebhook>(*out->config_.webhook, client, clock);
  }
  return out;
}

void Authenticator::start() {
  for (const auto& store : jwk_stores_) {
    if (store) store->prefetch();
  }
}

Session Authenticator::unauthorized(const HeaderList& headers) const {
  Session session;
  session.role = *config_.unauthorized_role;
  session.variables = sessionVariablesOf(headers);
  return session;
}

asio::awaitable<Result<Session>> Authenticator::authenticate(const HeaderList& headers,
                                                             const bj::value& request) {
  auto given = headerOf(headers, "x-hasura-admin-secret");
  if (!given) given = headerOf(headers, "x-hasura-access-key");
  bool secured = config_.admin_secret.has_value();
  if (!secured || given) {
    if (secured && !constantTimeEquals(*given, *config_.admin_secret)) {
      co_return std::unexpected(
          Error::accessDenied("invalid x-hasura-admin-secret/x-hasura-access-key").withStatus(401));
    }
    // The admin (with the secret, or on an unsecured server) may act as any role.
    Session session;
    if (auto role = headerOf(headers, "x-hasura-role"); role && !role->empty()) {
      session.role = std::string(*role);
    }
    session.variables = sessionVariablesOf(headers);
    if (auto backend = headerOf(headers, "x-hasura-use-backend-only-permissions")) {
      std::string value(*backend);
      for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      session.backend_only = value == "true";
    }
    co_return session;
  }
  if (!config_.jwt.empty()) co_return co_await fromJwt(headers);
  if (webhook_) {
    auto session = co_await webhook_->authenticate(headers, request);
    co_return session;
  }
  if (config_.unauthorized_role) co_return unauthorized(headers);
  co_return std::unexpected(
      Error::accessDenied("x-hasura-admin-secret/x-hasura-access-key required, but not found")
          .withStatus(401));
}

asio::awaitable<Result<Session>> Authenticator::fromJwt(const HeaderList& headers) {
  // Which configs found a token where they expect one, and whose issuer fits.
  struct Candidate {
    size_t index;
    std::string token;
  };
  std::vector<Candidate> candidates;
  bool issuer_mismatch = false;
  for (size_t i = 0; i < config_.jwt.size(); ++i) {
    const JwtConfig& c = config_.jwt[i];
    std::optional<std::string_view> token;
    switch (c.location) {
      case JwtConfig::TokenLocation::kAuthorization:
        if (auto h = headerOf(headers, "authorization")) {
          std::string_view value = trim(*h);
          size_t space = value.find(' ');
          std::string_view scheme = value.substr(0, space);
          std::string_view rest =
              space == std::string_view::npos ? std::string_view() : trim(value.substr(space));
          if (scheme != "Bearer" || rest.empty() || rest.find(' ') != std::string_view::npos) {
            co_return std::unexpected(Error::invalidHeaders("Malformed Authorization header"));
          }
          token = rest;
        }
        break;
      case JwtConfig::TokenLocation::kCookie:
        if (auto h = headerOf(headers, "cookie")) token = cookieValue(*h, c.location_name);
        break;
      case JwtConfig::TokenLocation::kCustomHeader:
        token = headerOf(headers, c.location_name);
        break;
    }
    if (!token) continue;
    if (c.issuer) {
      auto iss = unverifiedIssuer(*token);
      if (iss && *iss != *c.issuer) {
        issuer_mismatch = true;
        continue;
      }
    }
    candidates.push_back({i, std::string(*token)});
  }
  if (candidates.empty()) {
    if (issuer_mismatch) co_return std::unexpected(invalidJwt("JWTNotInIssuer"));
    if (config_.unauthorized_role) co_return unauthorized(headers);
    co_return std::unexpected(Error::invalidHeaders(
        "Missing 'Authorization' or 'Cookie' header in JWT authentication mode"));
  }
  if (candidates.size() > 1) {
    co_return std::unexpected(Error::invalidHeaders("Could not verify JWT: Multiple JWTs found"));
  }
  const JwtConfig& config = config_.jwt[candidates[0].index];
  auto jwt = decodeJwt(candidates[0].token);
  if (!jwt) co_return std::unexpected(jwt.error());
  std::shared_ptr<const VerificationKey> key = config.key;
  if (!key) {
    auto fetched = co_await jwk_stores_[candidates[0].index]->key(jwt->kid, jwt->algorithm);
    if (!fetched) co_return std::unexpected(fetched.error());
    key = *fetched;
  }
  if (auto checked = checkSignature(*jwt, *key); !checked) {
    co_return std::unexpected(checked.error());
  }
  if (auto valid = checkRegisteredClaims(jwt->claims, config, clock_()); !valid) {
    co_return std::unexpected(valid.error());
  }
  auto claims = hasuraClaims(jwt->claims, config);
  if (!claims) co_return std::unexpected(claims.error());
  co_return sessionFromClaims(std::move(*claims), headerOf(headers, "x-hasura-role"));
}

}  // namespace graft::auth
