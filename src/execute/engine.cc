#include "execute/engine.h"

#include <boost/json/serialize.hpp>

#include "common/json.h"
#include "graphql/normalize.h"
#include "graphql/parser.h"
#include "graphql/validation.h"
#include "metadata/service.h"
#include "pg/pool.h"
#include "planner/plan.h"

namespace graft::execute {

namespace asio = boost::asio;
namespace bj = boost::json;

namespace {

std::string errorsBody(const Error& error, bool with_data = false) {
  bj::object body;
  if (with_data) body["data"] = nullptr;
  body["errors"] = bj::array{json::graphqlError(error)};
  return bj::serialize(body);
}

Error requestError(std::string message, std::string path) {
  return Error::parseFailed(std::move(message)).withPath(std::move(path));
}

// {query, variables, operationName} as Hasura reads them.
struct GraphqlRequest {
  std::string_view query;
  bj::object variables;
  std::string_view operation_name;
};

Result<GraphqlRequest> readRequest(const bj::value& value) {
  if (!value.is_object()) return std::unexpected(requestError("expected Object", "$"));
  const bj::object& object = value.as_object();
  GraphqlRequest request;
  auto query = object.find("query");
  if (query == object.end()) {
    return std::unexpected(requestError("key \"query\" not found", "$"));
  }
  if (!query->value().is_string()) {
    return std::unexpected(requestError(
        "expected String, but encountered " + std::string(graphql::describeJson(query->value())),
        "$.query"));
  }
  request.query = query->value().get_string();
  if (auto variables = object.find("variables");
      variables != object.end() && !variables->value().is_null()) {
    if (!variables->value().is_object()) {
      return std::unexpected(requestError("expected Object", "$.variables"));
    }
    request.variables = variables->value().get_object();
  }
  if (auto name = object.find("operationName"); name != object.end() && !name->value().is_null()) {
    if (!name->value().is_string()) {
      return std::unexpected(requestError("expected String", "$.operationName"));
    }
    request.operation_name = name->value().get_string();
  }
  return request;
}

void appendJsonString(std::string_view text, std::string& out) {
  out += bj::serialize(bj::value(text));
}

}  // namespace

GraphqlEngine::GraphqlEngine(std::shared_ptr<metadata::MetadataService> service, Options options)
    : service_(std::move(service)), options_(options) {}

Result<std::shared_ptr<const schema::RoleSchema>> GraphqlEngine::roleSchema(
    const std::string& role) {
  std::shared_ptr<const metadata::Resolved> resolved = service_->resolved();
  if (resolved == nullptr) {
    resolved = std::make_shared<const metadata::Resolved>();
  }
  {
    std::lock_guard lock(mutex_);
    if (cached_for_ != resolved) {
      cached_for_ = resolved;
      schemas_.clear();
    }
    if (auto found = schemas_.find(role); found != schemas_.end()) return found->second;
  }
  // Generated outside the lock: two requests may build the same schema once each, which is
  // cheaper than making every request wait behind one build.
  GRAFT_TRY(auto built, schema::buildRoleSchema(resolved, role));
  std::lock_guard lock(mutex_);
  if (cached_for_ == resolved) schemas_.emplace(role, built);
  return built;
}

asio::awaitable<EngineResponse> GraphqlEngine::handle(const Session& session,
                                                      std::string_view body) {
  auto parsed = json::parse(body);
  if (!parsed) {
    co_return EngineResponse{400, bj::serialize(json::queryApiError(parsed.error()))};
  }
  if (parsed->is_array()) {
    std::string out = "[";
    bool first = true;
    for (const bj::value& request : parsed->as_array()) {
      if (!first) out += ',';
      first = false;
      std::string one = co_await runOne(session, request);
      out += one;
    }
    out += ']';
    co_return EngineResponse{200, std::move(out)};
  }
  if (!parsed->is_object()) {
    co_return EngineResponse{
        400, bj::serialize(json::queryApiError(requestError("expected Object", "$")))};
  }
  if (auto request = readRequest(*parsed); !request) {
    co_return EngineResponse{400, bj::serialize(json::queryApiError(request.error()))};
  }
  // Not `EngineResponse{200, co_await ...}`: GCC 12 destroys a braced aggregate built around a
  // co_await twice.
  std::string response = co_await runOne(session, *parsed);
  co_return EngineResponse{200, std::move(response)};
}

asio::awaitable<std::string> GraphqlEngine::runOne(const Session& session, const bj::value& value) {
  auto request = readRequest(value);
  if (!request) co_return errorsBody(request.error());
  auto role_schema = roleSchema(session.role);
  if (!role_schema) co_return errorsBody(role_schema.error());
  const graphql::Schema& schema = (*role_schema)->schema();

  graphql::Arena arena;
  auto document = graphql::parseExecutable(request->query, arena);
  if (!document) {
    // Hasura's wording for every unparsable query; the detail goes to the log.
    co_return errorsBody(Error::validationFailed("not a valid graphql query").withPath("$.query"));
  }
  graphql::ValidationOptions validation;
  validation.reject_unused_fragments = false;
  validation.reject_unused_variables = false;
  auto errors = graphql::validate(schema, **document, validation);
  if (!errors.empty()) co_return errorsBody(errors.front());
  auto operation = graphql::selectOperation(**document, request->operation_name);
  if (!operation) co_return errorsBody(operation.error());
  // Hasura refuses values for variables the operation does not declare.
  std::string unexpected;
  for (const auto& provided : request->variables) {
    bool declared = false;
    for (const auto* definition : (*operation)->variable_definitions) {
      declared = declared || definition->variable->name == provided.key();
    }
    if (!declared) unexpected += (unexpected.empty() ? "" : ", ") + std::string(provided.key());
  }
  if (!unexpected.empty()) {
    co_return errorsBody(
        Error::validationFailed("unexpected variables in variableValues: " + unexpected));
  }
  auto variables = graphql::coerceVariableValues(schema, **operation, request->variables);
  if (!variables) co_return errorsBody(variables.error());
  auto normalized = graphql::normalize(schema, **document, **operation, *variables, arena);
  if (!normalized) co_return errorsBody(normalized.error());
  if ((*operation)->operation != graphql::ast::OperationType::kQuery) {
    co_return errorsBody(Error::notSupported("mutations and subscriptions are not served yet"));
  }
  auto plan = planner::planQuery(**role_schema, *normalized, *variables,
                                 {.stringify_numeric_types = options_.stringify_numeric_types});
  if (!plan) co_return errorsBody(plan.error());

  pg::QueryResult rows;
  if (plan->statement) {
    const metadata::ResolvedSource& source = (*role_schema)->resolved().sources[plan->source];
    auto result = co_await source.pool->execute(std::move(*plan->statement));
    // An error while executing comes with "data": null, as Hasura answers.
    if (!result) co_return errorsBody(result.error(), /*with_data=*/true);
    if (result->rows() != 1) {
      co_return errorsBody(Error::unexpected("the query returned no row"));
    }
    rows = std::move(*result);
  }
  std::string out = "{\"data\":{";
  for (size_t i = 0; i < plan->fields.size(); ++i) {
    const planner::RootFieldPlan& field = plan->fields[i];
    if (i > 0) out += ',';
    appendJsonString(field.response_key, out);
    out += ':';
    if (!field.column) {
      out += field.value;
    } else if (rows.isNull(0, *field.column)) {
      out += "null";
    } else {
      out += rows.value(0, *field.column);
    }
  }
  out += "}}";
  co_return out;
}

}  // namespace graft::execute
