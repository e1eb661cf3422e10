#include "execute/engine.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <deque>
#include <map>

#include "common/json.h"
#include "common/log.h"
#include "execute/plan_cache.h"
#include "graphql/normalize.h"
#include "graphql/parser.h"
#include "graphql/type_registry.h"
#include "graphql/validation.h"
#include "metadata/service.h"
#include "pg/binary_json.h"
#include "pg/pool.h"
#include "pg/quote.h"
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

// {query, variables, operationName} as Hasura reads them: views into the request body, which
// is read more than once per request (to refuse a bad body, for the plan cache's key, to plan).
struct GraphqlRequest {
  std::string_view query;
  const bj::object* variables = nullptr;  // never null once read
  std::string_view operation_name;
};

Result<GraphqlRequest> readRequest(const bj::value& value) {
  if (!value.is_object()) return std::unexpected(requestError("expected Object", "$"));
  const bj::object& object = value.as_object();
  static const bj::object kNoVariables;
  GraphqlRequest request;
  request.variables = &kNoVariables;
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
    request.variables = &variables->value().get_object();
  }
  if (auto name = object.find("operationName"); name != object.end() && !name->value().is_null()) {
    if (!name->value().is_string()) {
      return std::unexpected(requestError("expected String", "$.operationName"));
    }
    request.operation_name = name->value().get_string();
  }
  return request;
}

std::string toLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// {"data":{...}} with each root field's JSON text (`values`, by response key) in the
// operation's order.
template <typename Values>
std::string dataBody(const std::vector<std::string>& response_keys, Values& values) {
  std::string out = "{\"data\":{";
  for (size_t i = 0; i < response_keys.size(); ++i) {
    if (i > 0) out += ',';
    pg::appendJsonString(response_keys[i], out);
    out += ':';
    out += values[response_keys[i]];
  }
  out += "}}";
  return out;
}

}  // namespace

GraphqlEngine::GraphqlEngine(std::shared_ptr<metadata::MetadataService> service, Options options)
    : service_(std::move(service)),
      options_(options),
      plan_cache_(std::make_unique<PlanCache>(options.plan_cache_size)) {}

GraphqlEngine::~GraphqlEngine() {
  if (!warmer_.joinable()) return;
  service_->onResolved({});
  {
    std::lock_guard lock(warm_mutex_);
    warm_stopping_ = true;
  }
  warm_wakeup_.notify_one();
  warmer_.join();
}

namespace {

constexpr std::string_view kBackendOnlySuffix =
    "\x1f"
    "backend-only";

}  // namespace

GraphqlEngine::Retired GraphqlEngine::switchSnapshotLocked(
    std::shared_ptr<const metadata::Resolved> resolved) {
  warm_keys_.clear();
  for (const auto& [used, _] : schemas_) warm_keys_.push_back(used);
  return Retired{std::exchange(schemas_, {}),
                 std::exchange(types_, std::make_shared<graphql::TypeRegistry>()),
                 std::exchange(cached_for_, std::move(resolved))};
}

Result<std::shared_ptr<const schema::RoleSchema>> GraphqlEngine::roleSchema(const std::string& role,
                                                                            bool backend_only) {
  // Cached by role, and apart for requests asking for backend-only permissions (which change
  // nothing for the admin).
  backend_only = backend_only && role != "admin";
  const std::string key = backend_only ? role + std::string(kBackendOnlySuffix) : role;
  std::shared_ptr<const metadata::Resolved> resolved = service_->resolved();
  if (resolved == nullptr) {
    resolved = std::make_shared<const metadata::Resolved>();
  }
  std::promise<SchemaResult> building;
  std::shared_future<SchemaResult> schema;
  std::shared_ptr<graphql::TypeRegistry> types;
  Retired retired;  // freed after the lock is released
  {
    std::lock_guard lock(mutex_);
    if (cached_for_ != resolved) retired = switchSnapshotLocked(resolved);
    auto [found, inserted] = schemas_.try_emplace(key);
    if (!inserted) return found->second.get();  // ready, or wait for the build in progress
    found->second = building.get_future().share();
    schema = found->second;
    types = types_;
  }
  // Generated outside the lock, once per snapshot and role. The roles' schemas of a snapshot
  // share one registry, so the types they have in common are stored once.
  building.set_value(schema::buildRoleSchema(resolved, role, std::move(types), backend_only));
  return schema.get();
}

namespace {

constexpr int kWarmNice = 10;  // the warming thread's niceness

}  // namespace

void GraphqlEngine::warmAfterChanges() {
  warmer_ = std::thread([this] { warmLoop(); });
  service_->onResolved([this] {
    {
      std::lock_guard lock(warm_mutex_);
      warm_pending_ = true;
    }
    warm_wakeup_.notify_one();
  });
}

void GraphqlEngine::warmLoop() {
  // Background work: requests and metadata commands come first when cores are short.
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kWarmNice);
  for (;;) {
    {
      std::unique_lock lock(warm_mutex_);
      warm_wakeup_.wait(lock, [this] { return warm_pending_ || warm_stopping_; });
      if (warm_stopping_) return;
      warm_pending_ = false;
    }
    // Move the cache to the new snapshot now, keeping the roles that were served before it.
    std::shared_ptr<const metadata::Resolved> latest = service_->resolved();
    if (latest == nullptr) continue;
    std::vector<std::string> keys;
    {
      Retired retired;  // freed here, after the lock is released, rather than by a request
      {
        std::lock_guard lock(mutex_);
        if (cached_for_ != latest) retired = switchSnapshotLocked(latest);
        keys = warm_keys_;
      }
      // The cached plans hold the previous schemas too (whoever switched the snapshot): let
      // them go here as well.
      plan_cache_->clear();
    }
    // The admin first: it is what the console and the person who made the change query.
    std::ranges::stable_partition(keys, [](const std::string& key) { return key == "admin"; });
    for (const std::string& key : keys) {
      {
        std::lock_guard lock(warm_mutex_);
        if (warm_pending_ || warm_stopping_) break;  // a newer change: start over
      }
      bool backend_only = key.ends_with(kBackendOnlySuffix);
      std::string role = backend_only ? key.substr(0, key.size() - kBackendOnlySuffix.size()) : key;
      auto start = std::chrono::steady_clock::now();
      auto built = roleSchema(role, backend_only);
      if (built && log::enabled(log::Level::kDebug, "schema")) {
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
        log::write(log::Level::kDebug, "schema",
                   bj::object{{"kind", "warmed"},
                              {"role", role},
                              {"backend_only", backend_only},
                              {"ms", ms.count()}});
      }
    }
  }
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

Result<GraphqlEngine::Prepared> GraphqlEngine::prepare(
    const Session& session, const bj::value& value,
    std::shared_ptr<const schema::RoleSchema> role_schema) {
  GRAFT_TRY(auto request, readRequest(value));
  Prepared prepared;
  if (role_schema == nullptr) {
    GRAFT_TRY(role_schema, roleSchema(session.role, session.backend_only));
  }
  prepared.role_schema = std::move(role_schema);
  const graphql::Schema& schema = prepared.role_schema->schema();
  // The document's names and strings point into the query text: a copy in the arena moves
  // with the tree (a std::string would not, for short strings).
  std::string_view query = prepared.arena.copyString(request.query);
  auto document = graphql::parseExecutable(query, prepared.arena);
  if (!document) {
    // Hasura's wording for every unparsable query; the detail goes to the log.
    return std::unexpected(
        Error::validationFailed("not a valid graphql query").withPath("$.query"));
  }
  graphql::ValidationOptions validation;
  validation.reject_unused_fragments = false;
  validation.reject_unused_variables = false;
  validation.strict_variable_nullability = false;
  auto errors = graphql::validate(schema, **document, validation);
  if (!errors.empty()) return std::unexpected(errors.front());
  GRAFT_TRY(auto operation, graphql::selectOperation(**document, request.operation_name));
  // Hasura refuses values for variables the operation does not declare.
  std::string unexpected;
  for (const auto& provided : *request.variables) {
    bool declared = false;
    for (const auto* definition : operation->variable_definitions) {
      declared = declared || definition->variable->name == provided.key();
    }
    if (!declared) unexpected += (unexpected.empty() ? "" : ", ") + std::string(provided.key());
  }
  if (!unexpected.empty()) {
    return std::unexpected(
        Error::validationFailed("unexpected variables in variableValues: " + unexpected));
  }
  GRAFT_TRY(prepared.variables,
            graphql::coerceVariableValues(schema, *operation, *request.variables));
  GRAFT_TRY(prepared.operation,
            graphql::normalize(schema, **document, *operation, prepared.variables, prepared.arena));
  if (operation->operation == graphql::ast::OperationType::kSubscription) {
    return std::unexpected(Error::notSupported("subscriptions are not served yet"));
  }
  prepared.mutation = operation->operation == graphql::ast::OperationType::kMutation;
  prepared.definition = operation;
  prepared.session = &session;
  return prepared;
}

asio::awaitable<std::string> GraphqlEngine::runOne(const Session& session, const bj::value& value,
                                                   const planner::DataApiUpdate* data_api_update) {
  auto request = readRequest(value);
  if (!request) co_return errorsBody(request.error());
  auto role_schema = roleSchema(session.role, session.backend_only);
  if (!role_schema) co_return errorsBody(role_schema.error());
  // A request like an earlier one but for scalar and session variable values reuses its plans
  // (not one with data API operators, which its text does not show).
  std::string key;
  bool learn = false;
  if (data_api_update == nullptr) {
    key = PlanCache::keyOf(session, request->query, request->operation_name, *request->variables);
    if (auto cached = plan_cache_->find(key, *role_schema, session, *request->variables, learn)) {
      std::string response = co_await run(*role_schema, *cached);
      co_return response;
    }
  }
  auto prepared = prepare(session, value, *role_schema);
  if (!prepared) co_return errorsBody(prepared.error());
  auto planned = plan(*prepared, data_api_update);
  if (!planned) co_return errorsBody(planned.error());
  if (learn) {
    // The probes are planned against the same role schema as the request itself.
    auto replan = [&](const bj::object& variables, const Session& probe) -> Result<Planned> {
      bj::object probe_request = value.as_object();
      probe_request["variables"] = variables;
      GRAFT_TRY(auto again, prepare(probe, probe_request, *role_schema));
      return plan(again);
    };
    const graphql::ast::OperationDefinition& definition = *prepared->definition;
    plan_cache_->learn(key, *role_schema, std::move(prepared->arena), definition, session,
                       *request->variables, prepared->variables, *planned, replan);
  }
  std::string response = co_await run(*role_schema, *planned);
  co_return response;
}

Result<Planned> GraphqlEngine::plan(const Prepared& prepared,
                                    const planner::DataApiUpdate* data_api_update) {
  Planned planned;
  planned.mutation = prepared.mutation;
  const planner::PlanOptions options{.stringify_numeric_types = options_.stringify_numeric_types,
                                     .data_api_update = data_api_update};
  const graphql::NormalizedOperation& operation = prepared.operation;
  for (const graphql::NormalizedField& field : operation.fields) {
    planned.response_keys.emplace_back(field.response_key);
  }
  if (prepared.mutation) {
    // Root fields of one source run in one transaction. Over several sources each runs in a
    // transaction of its own, in order, and an error stops the rest, as in Hasura.
    std::optional<uint32_t> source;
    bool several = false;
    for (const graphql::NormalizedField& field : operation.fields) {
      std::optional<schema::FieldInfo> info = prepared.role_schema->info(*field.definition);
      if (!info) continue;
      several = several || (source && *source != info->source);
      source = info->source;
    }
    if (!several) {
      GRAFT_TRY(auto plan, planner::planMutation(*prepared.role_schema, operation,
                                                 prepared.variables, *prepared.session, options));
      planned.plans.push_back(std::move(plan));
      return planned;
    }
    for (size_t i = 0; i < operation.fields.size(); ++i) {
      graphql::NormalizedOperation part = operation;
      part.fields = operation.fields.subspan(i, 1);
      GRAFT_TRY(auto plan, planner::planMutation(*prepared.role_schema, part, prepared.variables,
                                                 *prepared.session, options));
      planned.plans.push_back(std::move(plan));
    }
    return planned;
  }
  // One statement per source: the root fields grouped by the source they read (fields that
  // need no database ride with the first group).
  std::vector<uint32_t> group_sources;
  std::vector<std::vector<graphql::NormalizedField>> groups;
  for (const graphql::NormalizedField& field : operation.fields) {
    std::optional<schema::FieldInfo> info = prepared.role_schema->info(*field.definition);
    uint32_t source = !info ? (group_sources.empty() ? 0 : group_sources.front()) : info->source;
    auto found = std::find(group_sources.begin(), group_sources.end(), source);
    if (found == group_sources.end()) {
      group_sources.push_back(source);
      groups.emplace_back();
      found = group_sources.end() - 1;
    }
    groups[static_cast<size_t>(found - group_sources.begin())].push_back(field);
  }
  for (const std::vector<graphql::NormalizedField>& group : groups) {
    graphql::NormalizedOperation part = operation;
    part.fields = group;
    GRAFT_TRY(auto plan, planner::planQuery(*prepared.role_schema, part, prepared.variables,
                                            *prepared.session, options));
    planned.plans.push_back(std::move(plan));
  }
  return planned;
}

asio::awaitable<std::string> GraphqlEngine::run(
    const std::shared_ptr<const schema::RoleSchema>& role_schema, Planned& planned) {
  if (planned.mutation) {
    std::map<std::string, std::string> values;
    for (planner::Plan& plan : planned.plans) {
      auto failed = co_await runTransaction(role_schema, plan, values);
      if (failed) co_return errorsBody(*failed);
    }
    co_return dataBody(planned.response_keys, values);
  }
  // Each field's JSON by response key, filled plan by plan: the plans' own values (an
  // introspection answer may be large) as they are, the statements' columns as written from
  // their rows.
  std::deque<std::string> written;  // the views below point into these and into the plans
  std::map<std::string_view, std::string_view> values;
  for (planner::Plan& current : planned.plans) {
    pg::QueryResult rows;
    const bool binary = current.statement && current.statement->binary_results;
    if (current.statement) {
      const metadata::ResolvedSource& source = role_schema->resolved().sources[current.source];
      auto result = co_await source.pool->execute(std::move(*current.statement));
      // An error while executing comes with "data": null, as Hasura answers.
      if (!result) co_return errorsBody(result.error(), /*with_data=*/true);
      if (result->rows() != 1) {
        co_return errorsBody(Error::unexpected("the query returned no row"));
      }
      rows = std::move(*result);
    }
    for (const planner::RootFieldPlan& field : current.fields) {
      if (!field.column) {
        values[field.response_key] = field.value;
        continue;
      }
      std::string& json = written.emplace_back();
      Status appended = planner::appendFieldJson(field, rows, binary, json);
      if (!appended) co_return errorsBody(appended.error(), /*with_data=*/true);
      values[field.response_key] = json;
    }
  }
  co_return dataBody(planned.response_keys, values);
}

asio::awaitable<std::optional<Error>> GraphqlEngine::runTransaction(
    const std::shared_ptr<const schema::RoleSchema>& role_schema, planner::Plan& plan,
    std::map<std::string, std::string>& values) {
  std::vector<std::string> results;
  if (!plan.mutations.empty()) {
    const metadata::ResolvedSource& source = role_schema->resolved().sources[plan.source];
    // One connection for the whole transaction; a connection returned to the pool inside a
    // transaction is rolled back there, so an early return cannot leave changes behind.
    auto connection = co_await source.pool->acquire();
    if (!connection) co_return connection.error();
    // Statements as locals: GCC 12 mishandles temporaries inside a co_await expression.
    std::string begin = "BEGIN", rollback = "ROLLBACK", commit = "COMMIT";
    auto begun = co_await connection->executeSimple(std::move(begin));
    if (!begun) co_return begun.error();
    for (planner::MutationStatement& mutation : plan.mutations) {
      auto result = co_await connection->execute(std::move(mutation.statement));
      std::optional<Error> failed;
      if (!result || result->rows() != 1 || result->columns() != mutation.columns()) {
        // Hasura reports a mutation's database error without "data", at the insert's objects
        // or at "$". Should the rollback fail too, the pool discards the broken connection.
        failed = result ? Error::unexpected("a mutation returned no row") : result.error();
        if (!result) failed->withPath(mutation.error_path);
      } else {
        failed = mutation.failure(*result);
      }
      if (failed) {
        auto rolled_back = co_await connection->executeSimple(std::move(rollback));
        static_cast<void>(rolled_back);
        co_return failed;
      }
      results.push_back(result->isNull(0, 0) ? "null" : std::string(result->value(0, 0)));
    }
    auto committed = co_await connection->executeSimple(std::move(commit));
    if (!committed) co_return committed.error();
  }
  for (const planner::RootFieldPlan& field : plan.fields) {
    values[field.response_key] =
        field.column ? std::move(results[static_cast<size_t>(*field.column)]) : field.value;
  }
  co_return std::nullopt;
}

asio::awaitable<EngineResponse> GraphqlEngine::explain(std::string_view body) {
  auto fail = [](const Error& error) {
    return EngineResponse{error.httpStatus(), bj::serialize(json::queryApiError(error))};
  };
  auto parsed = json::parse(body);
  if (!parsed) co_return fail(parsed.error());
  if (!parsed->is_object() || !parsed->as_object().contains("query")) {
    co_return fail(requestError("key \"query\" not found", "$"));
  }
  Session session;
  if (auto user = parsed->as_object().find("user");
      user != parsed->as_object().end() && user->value().is_object()) {
    for (const auto& [name, value] : user->value().as_object()) {
      std::string lower = toLowerAscii(name);
      if (!value.is_string()) continue;
      if (lower == "x-hasura-role") {
        session.role = value.as_string();
      } else {
        session.variables.emplace_back(lower, value.as_string());
      }
    }
  }
  auto prepared = prepare(session, parsed->as_object().at("query"));
  if (!prepared) co_return fail(prepared.error());
  if (prepared->mutation) {
    co_return fail(Error::notSupported("only queries can be explained"));
  }
  bj::array out;
  // One statement per root field, as Hasura explains them.
  for (size_t i = 0; i < prepared->operation.fields.size(); ++i) {
    graphql::NormalizedOperation one = prepared->operation;
    one.fields = prepared->operation.fields.subspan(i, 1);
    auto plan = planner::planQuery(
        *prepared->role_schema, one, prepared->variables, session,
        {.stringify_numeric_types = options_.stringify_numeric_types, .pretty_sql = true});
    if (!plan) co_return fail(plan.error());
    if (!plan->statement) continue;  // __typename and introspection have no SQL
    const metadata::ResolvedSource& source =
        prepared->role_schema->resolved().sources[plan->source];
    pg::Statement statement("EXPLAIN " + plan->statement->sql, plan->statement->params);
    auto result = co_await source.pool->execute(std::move(statement));
    if (!result) co_return fail(result.error());
    bj::array lines;
    for (int row = 0; row < result->rows(); ++row)
      lines.push_back(bj::value(result->value(row, 0)));
    bj::object entry;
    entry["field"] = plan->fields.front().response_key;
    entry["sql"] = pg::inlineParameters(plan->pretty_sql, plan->statement->params);
    entry["plan"] = std::move(lines);
    out.push_back(std::move(entry));
  }
  co_return EngineResponse{200, bj::serialize(out)};
}

}  // namespace graft::execute
