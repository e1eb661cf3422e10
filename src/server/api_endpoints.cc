#include "server/api_endpoints.h"

#include "auth/authenticator.h"
#include "common/json.h"
#include "execute/engine.h"
#include "metadata/service.h"
#include "server/admin_access.h"

namespace graft::server {

namespace {

namespace asio = boost::asio;
namespace bj = boost::json;

Response errorResponse(const Error& error, bool admin) {
  // Admins see the internal detail, as Hasura shows it to admins by default.
  return Response::json(error.httpStatus(), json::serialize(json::queryApiError(error, admin)));
}

std::string_view typeOf(const bj::value& body) {
  if (!body.is_object()) return {};
  auto type = body.as_object().find("type");
  if (type == body.as_object().end() || !type->value().is_string()) return {};
  return type->value().as_string();
}

// select, count, update and delete of the legacy data API run through the GraphQL engine, in
// the request's session; everything else is the metadata service's.
bool isEngineCommand(metadata::Api api, const bj::value& body) {
  std::string_view type = typeOf(body);
  return api != metadata::Api::kMetadata &&
         (type == "select" || type == "count" || type == "update" || type == "delete");
}

// One data command of a non-admin session, insert included: the engine translates it to the
// GraphQL mutation, so that the role's permissions apply.
asio::awaitable<Result<bj::value>> runAsRole(execute::GraphqlEngine& engine, const Session& session,
                                             const bj::value& command) {
  auto result = co_await engine.dataApi(session, command);
  co_return result;
}

// A bulk of data commands of a non-admin session: each in turn; the first failure ends it,
// with its index in the path, as Hasura reports it.
asio::awaitable<Result<bj::value>> runBulkAsRole(execute::GraphqlEngine& engine,
                                                 const Session& session, const bj::value& bulk) {
  bj::array results;
  const bj::array& commands = bulk.as_object().at("args").as_array();
  for (size_t i = 0; i < commands.size(); ++i) {
    Result<bj::value> one = std::unexpected(Error::unexpected("not run"));
    if (typeOf(commands[i]) == "bulk") {
      one = co_await runBulkAsRole(engine, session, commands[i]);
    } else {
      one = co_await runAsRole(engine, session, commands[i]);
    }
    if (!one) {
      Error error = std::move(one).error();
      std::string rest = error.path().substr(1);
      error.withPath("$.args[" + std::to_string(i) + "]" + rest);
      co_return std::unexpected(std::move(error));
    }
    results.push_back(std::move(*one));
  }
  co_return bj::value(std::move(results));
}

asio::awaitable<Response> handleApi(std::shared_ptr<metadata::MetadataService> service,
                                    std::shared_ptr<execute::GraphqlEngine> engine,
                                    std::shared_ptr<auth::Authenticator> authenticator,
                                    metadata::Api api, Request request) {
  auto session = co_await authenticator->authenticate(request.headers.all());
  if (!session) co_return errorResponse(session.error(), false);
  bool admin = session->isAdmin();
  auto body = json::parse(request.body);
  if (!body) co_return errorResponse(body.error(), admin);
  // Hasura lets other roles use the data commands of /v1/query only.
  if (!admin && (api != metadata::Api::kQueryV1 || !isDataCommand(*body))) {
    co_return errorResponse(adminOnly(), false);
  }
  if (isEngineCommand(api, *body)) {
    auto read = co_await engine->dataApi(*session, *body);
    if (!read) co_return errorResponse(read.error(), admin);
    co_return Response::json(200, json::serialize(*read));
  }
  if (!admin) {
    Result<bj::value> result = std::unexpected(Error::unexpected("not run"));
    if (typeOf(*body) == "bulk") {
      result = co_await runBulkAsRole(*engine, *session, *body);
    } else {
      result = co_await runAsRole(*engine, *session, *body);
    }
    if (!result) co_return errorResponse(result.error(), false);
    co_return Response::json(200, json::serialize(*result));
  }
  auto result = co_await service->handle(api, std::move(*body));
  if (!result) co_return errorResponse(result.error(), true);
  co_return Response::json(200, json::serialize(*result));
}

}  // namespace

void addApiEndpoints(Router& router, const ServerConfig& config,
                     std::shared_ptr<metadata::MetadataService> service,
                     std::shared_ptr<execute::GraphqlEngine> engine,
                     std::shared_ptr<auth::Authenticator> authenticator) {
  // Hasura's "metadata" API group covers the metadata API and both query APIs.
  if (!config.apiEnabled("metadata")) return;
  auto add = [&](const char* path, metadata::Api api) {
    router.add("POST", path, [service, engine, authenticator, api](const Request& request) {
      return handleApi(service, engine, authenticator, api, request);
    });
  };
  add("/v1/metadata", metadata::Api::kMetadata);
  add("/v1/query", metadata::Api::kQueryV1);
  add("/v2/query", metadata::Api::kQueryV2);
}

}  // namespace graft::server
