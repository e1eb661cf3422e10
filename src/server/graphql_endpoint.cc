#include "server/graphql_endpoint.h"

#include <boost/json/serialize.hpp>

#include "common/json.h"
#include "execute/engine.h"
#include "server/admin_access.h"

namespace graft::server {

namespace {

namespace asio = boost::asio;
namespace bj = boost::json;

Response graphqlErrorResponse(const Error& error) {
  bj::object body;
  body["errors"] = bj::array{json::graphqlError(error)};
  return Response::json(error.httpStatus(), bj::serialize(body));
}

// Hasura's rules without JWT or webhook: with no admin secret every request is admin (and may
// pick a role with x-hasura-role); with one, the matching secret makes it admin, no secret at
// all makes it the unauthorized role when one is configured, anything else is refused.
struct AuthSettings {
  std::optional<std::string> admin_secret;
  std::optional<std::string> unauthorized_role;
};

Result<execute::Session> sessionOf(const AuthSettings& config, const Request& request) {
  execute::Session session;
  const Headers& headers = request.headers;
  if (config.admin_secret) {
    auto given = headers.get("x-hasura-admin-secret");
    if (!given) given = headers.get("x-hasura-access-key");
    if (!given && config.unauthorized_role) {
      session.role = *config.unauthorized_role;
      return session;
    }
    if (!given) {
      return std::unexpected(
          Error::accessDenied("x-hasura-admin-secret/x-hasura-access-key required, but not found")
              .withStatus(401));
    }
    if (!constantTimeEquals(*given, *config.admin_secret)) {
      return std::unexpected(
          Error::accessDenied("invalid x-hasura-admin-secret/x-hasura-access-key").withStatus(401));
    }
  }
  for (const auto& [name, value] : headers.all()) {
    std::string lower = toLower(name);
    if (lower == "x-hasura-role") {
      session.role = value;
    } else if (lower.starts_with("x-hasura-") && lower != "x-hasura-admin-secret" &&
               lower != "x-hasura-access-key") {
      session.variables.emplace_back(std::move(lower), value);
    }
  }
  return session;
}

asio::awaitable<Response> handleGraphql(std::shared_ptr<execute::GraphqlEngine> engine,
                                        const AuthSettings& config, Request request) {
  auto session = sessionOf(config, request);
  if (!session) co_return graphqlErrorResponse(session.error());
  execute::EngineResponse response = co_await engine->handle(*session, request.body);
  co_return Response::json(response.status, std::move(response.body));
}

asio::awaitable<Response> handleExplain(std::shared_ptr<execute::GraphqlEngine> engine,
                                        std::optional<std::string> admin_secret, Request request) {
  if (auto access = checkAdminAccess(admin_secret, request.headers); !access) {
    co_return Response::json(access.error().httpStatus(),
                             bj::serialize(json::queryApiError(access.error())));
  }
  execute::EngineResponse response = co_await engine->explain(request.body);
  co_return Response::json(response.status, std::move(response.body));
}

}  // namespace

void addGraphqlEndpoint(Router& router, const ServerConfig& config,
                        std::shared_ptr<execute::GraphqlEngine> engine) {
  // Hasura serves explain with the metadata API, to admins only.
  if (config.apiEnabled("metadata")) {
    auto secret = config.admin_secret;
    for (const char* path : {"/v1/graphql/explain", "/v1alpha1/graphql/explain"}) {
      router.add("POST", path, [engine, secret](const Request& request) {
        return handleExplain(engine, secret, request);
      });
    }
  }
  if (!config.apiEnabled("graphql")) return;
  AuthSettings auth{config.admin_secret, config.unauthorized_role};
  for (const char* path : {"/v1/graphql", "/v1alpha1/graphql"}) {
    router.add("POST", path, [engine, auth](const Request& request) {
      return handleGraphql(engine, auth, request);
    });
  }
}

}  // namespace graft::server
