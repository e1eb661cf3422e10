#include "server/graphql_endpoint.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "auth/authenticator.h"
#include "common/json.h"
#include "execute/engine.h"
#include "server/admin_access.h"

namespace graft::server {

namespace {

namespace asio = boost::asio;
namespace bj = boost::json;

Response graphqlErrorResponse(const Error& error, int status) {
  bj::object body;
  body["errors"] = bj::array{json::graphqlError(error)};
  return Response::json(status, bj::serialize(body));
}

// /v1alpha1/graphql answers a request that failed as a whole (errors and no data) with HTTP
// 400 and the errors in the query API's shape, {"path", "error", "code"}, as Hasura's legacy
// endpoint does.
execute::EngineResponse legacyErrors(execute::EngineResponse response) {
  if (response.status != 200) return response;
  boost::system::error_code ec;
  bj::value body = bj::parse(response.body, ec);
  if (ec || !body.is_object() || body.as_object().contains("data")) return response;
  const bj::value* errors = body.as_object().if_contains("errors");
  if (errors == nullptr || !errors->is_array()) return response;
  bj::array legacy;
  for (const bj::value& error : errors->as_array()) {
    if (!error.is_object()) continue;
    bj::object out;
    const bj::value* extensions = error.as_object().if_contains("extensions");
    const bj::object empty;
    const bj::object& ext =
        extensions != nullptr && extensions->is_object() ? extensions->as_object() : empty;
    out["path"] = ext.contains("path") ? ext.at("path") : bj::value("$");
    out["error"] =
        error.as_object().contains("message") ? error.as_object().at("message") : bj::value("");
    out["code"] = ext.contains("code") ? ext.at("code") : bj::value("unexpected");
    legacy.push_back(std::move(out));
  }
  bj::object wrapped;
  wrapped["errors"] = std::move(legacy);
  return execute::EngineResponse{400, bj::serialize(wrapped)};
}

asio::awaitable<Response> handleGraphql(std::shared_ptr<execute::GraphqlEngine> engine,
                                        std::shared_ptr<auth::Authenticator> authenticator,
                                        bool legacy, Request request) {
  // The body goes to a POST-mode auth webhook; only parsed when there is one.
  bj::value parsed;
  if (authenticator->wantsRequestBody()) {
    boost::system::error_code ec;
    parsed = bj::parse(request.body, ec);
    if (ec) parsed = nullptr;
  }
  auto session = co_await authenticator->authenticate(request.headers.all(), parsed);
  if (!session) {
    // Hasura answers every /v1/graphql error with 200; /v1alpha1 keeps the error's status.
    co_return graphqlErrorResponse(session.error(), legacy ? session.error().httpStatus() : 200);
  }
  execute::EngineResponse response = co_await engine->handle(*session, request.body);
  if (legacy) response = legacyErrors(std::move(response));
  co_return Response::json(response.status, std::move(response.body));
}

asio::awaitable<Response> handleExplain(std::shared_ptr<execute::GraphqlEngine> engine,
                                        std::shared_ptr<auth::Authenticator> authenticator,
                                        Request request) {
  auto session = co_await authenticator->authenticate(request.headers.all());
  if (session && !session->isAdmin()) session = std::unexpected(adminOnly());
  if (!session) {
    co_return Response::json(session.error().httpStatus(),
                             bj::serialize(json::queryApiError(session.error())));
  }
  execute::EngineResponse response = co_await engine->explain(request.body);
  co_return Response::json(response.status, std::move(response.body));
}

}  // namespace

void addGraphqlEndpoint(Router& router, const ServerConfig& config,
                        std::shared_ptr<execute::GraphqlEngine> engine,
                        std::shared_ptr<auth::Authenticator> authenticator) {
  // Hasura serves explain with the metadata API, to admins only.
  if (config.apiEnabled("metadata")) {
    for (const char* path : {"/v1/graphql/explain", "/v1alpha1/graphql/explain"}) {
      router.add("POST", path, [engine, authenticator](const Request& request) {
        return handleExplain(engine, authenticator, request);
      });
    }
  }
  if (!config.apiEnabled("graphql")) return;
  for (const char* path : {"/v1/graphql", "/v1alpha1/graphql"}) {
    bool legacy = std::string_view(path) == "/v1alpha1/graphql";
    router.add("POST", path, [engine, authenticator, legacy](const Request& request) {
      return handleGraphql(engine, authenticator, legacy, request);
    });
  }
}

}  // namespace graft::server
