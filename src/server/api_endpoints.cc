#include "server/api_endpoints.h"

#include "common/json.h"
#include "execute/engine.h"
#include "metadata/service.h"
#include "server/admin_access.h"

namespace graft::server {

namespace {

namespace asio = boost::asio;

Response errorResponse(const Error& error) {
  // Admin-only APIs show the internal detail, as Hasura does for admins by default.
  return Response::json(error.httpStatus(), json::serialize(json::queryApiError(error, true)));
}

// select and count of the legacy data API read through the GraphQL engine; everything else is
// the metadata service's.
bool isDataRead(metadata::Api api, const boost::json::value& body) {
  if (api == metadata::Api::kMetadata || !body.is_object()) return false;
  auto type = body.as_object().find("type");
  return type != body.as_object().end() && type->value().is_string() &&
         (type->value().as_string() == "select" || type->value().as_string() == "count" ||
          type->value().as_string() == "update" || type->value().as_string() == "delete");
}

asio::awaitable<Response> handleApi(std::shared_ptr<metadata::MetadataService> service,
                                    std::shared_ptr<execute::GraphqlEngine> engine,
                                    std::optional<std::string> admin_secret, metadata::Api api,
                                    Request request) {
  if (auto access = checkAdminAccess(admin_secret, request.headers); !access) {
    co_return errorResponse(access.error());
  }
  auto body = json::parse(request.body);
  if (!body) co_return errorResponse(body.error());
  if (isDataRead(api, *body)) {
    execute::Session admin;  // not a braced temporary in the co_await: GCC 12 destroys it twice
    auto read = co_await engine->dataApi(admin, *body);
    if (!read) co_return errorResponse(read.error());
    co_return Response::json(200, json::serialize(*read));
  }
  auto result = co_await service->handle(api, std::move(*body));
  if (!result) co_return errorResponse(result.error());
  co_return Response::json(200, json::serialize(*result));
}

}  // namespace

void addApiEndpoints(Router& router, const ServerConfig& config,
                     std::shared_ptr<metadata::MetadataService> service,
                     std::shared_ptr<execute::GraphqlEngine> engine) {
  // Hasura's "metadata" API group covers the metadata API and both query APIs.
  if (!config.apiEnabled("metadata")) return;
  auto secret = config.admin_secret;
  auto add = [&](const char* path, metadata::Api api) {
    router.add("POST", path, [service, engine, secret, api](const Request& request) {
      return handleApi(service, engine, secret, api, request);
    });
  };
  add("/v1/metadata", metadata::Api::kMetadata);
  add("/v1/query", metadata::Api::kQueryV1);
  add("/v2/query", metadata::Api::kQueryV2);
}

}  // namespace graft::server
