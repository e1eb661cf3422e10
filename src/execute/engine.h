// GraphqlEngine: answers POST /v1/graphql bodies. parse → validate → coerce variables →
// normalise → plan → one statement on the source's pool (a mutation: one statement per root
// field, in order, in one transaction on one connection) → response text, with the role's
// schema generated once per metadata snapshot and kept in a small cache. handle() may run from
// any number of coroutines at once; the cache is behind a mutex never held across a
// suspension.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <condition_variable>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/session.h"
#include "graphql/arena.h"
#include "graphql/coerce.h"
#include "graphql/normalize.h"
#include "schema/context.h"

namespace graft::metadata {
class MetadataService;
}
namespace graft::planner {
struct Plan;
struct DataApiUpdate;
}  // namespace graft::planner

namespace graft::execute {

class Translator;
class PlanCache;
struct Planned;

using Session = graft::Session;

struct EngineResponse {
  int status = 200;
  std::string body;
};

class GraphqlEngine {
 public:
  struct Options {
    bool stringify_numeric_types = false;  // HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES
    size_t plan_cache_size = 256;          // GRAFT_PLAN_CACHE_SIZE; 0 turns the cache off
  };

  GraphqlEngine(std::shared_ptr<metadata::MetadataService> service, Options options);
  ~GraphqlEngine();

  // One request body: an object {query, variables?, operationName?} or an array of them (a
  // batch, answered with an array). A body that is not such JSON is a 400 in the query-API
  // error shape; GraphQL errors are 200 with {"errors": [...]}, as Hasura answers.
  boost::asio::awaitable<EngineResponse> handle(const Session& session, std::string_view body);

  // POST /v1/graphql/explain: {"query": {query, variables, operationName}, "user": {session
  // variables}} → [{"field", "sql", "plan"}] with Postgres's EXPLAIN of each root field.
  // Admin only (the caller checks); errors in the query-API shape.
  boost::asio::awaitable<EngineResponse> explain(std::string_view body);

  // The legacy data API's `select` and `count` ({"type", "args"}), answered through the GraphQL
  // pipeline; errors in the query-API shape (data_api.cc).
  boost::asio::awaitable<Result<boost::json::value>> dataApi(const Session& session,
                                                             const boost::json::value& command);

  // The schema `role` is served; generated on first use after each metadata change, once:
  // requests that need it while it is being generated wait for that build. (With
  // backend_only, the schema that has the role's backend-only mutations too.)
  Result<std::shared_ptr<const schema::RoleSchema>> roleSchema(const std::string& role,
                                                               bool backend_only = false);

  // From now on, each metadata change has the schemas of the roles served since the previous
  // change generated again on a thread of the engine's own, so that the first request after
  // a change does not wait for them (or waits less). Call once, after the service started.
  void warmAfterChanges();

 private:
  using SchemaResult = Result<std::shared_ptr<const schema::RoleSchema>>;
  // The warming thread: waits for a change, then builds the roles of warm_keys_.
  void warmLoop();
  // What the schema cache held for a snapshot it no longer serves.
  struct Retired {
    std::map<std::string, std::shared_future<SchemaResult>> schemas;
    std::shared_ptr<graphql::TypeRegistry> types;
    std::shared_ptr<const metadata::Resolved> resolved;
  };
  // Under mutex_: the cache now serves `resolved`; the roles it served so far become
  // warm_keys_. The caller frees what is returned after unlocking: freeing the schemas of a
  // large metadata takes a while, and requests wait on mutex_.
  [[nodiscard]] Retired switchSnapshotLocked(std::shared_ptr<const metadata::Resolved> resolved);
  boost::asio::awaitable<Result<boost::json::value>> dataWrite(const Session& session,
                                                               const std::string& type,
                                                               const boost::json::object& args,
                                                               const pg::QualifiedName& table_name,
                                                               Translator& translator);

  // A request up to its normalised operation; the tree and the query text live in `arena`.
  struct Prepared {
    std::shared_ptr<const schema::RoleSchema> role_schema;
    graphql::Arena arena;
    graphql::VariableValues variables;
    graphql::NormalizedOperation operation{};
    const graphql::ast::OperationDefinition* definition = nullptr;  // in `arena`
    bool mutation = false;
    const Session* session = nullptr;  // the caller's, which outlives this
  };
  // `role_schema`: the session's, when the caller has looked it up already.
  Result<Prepared> prepare(const Session& session, const boost::json::value& request,
                           std::shared_ptr<const schema::RoleSchema> role_schema = nullptr);
  // `data_api_update`: the data API's update operators that GraphQL has none for; such a
  // request is planned afresh, not through the plan cache.
  boost::asio::awaitable<std::string> runOne(
      const Session& session, const boost::json::value& request,
      const planner::DataApiUpdate* data_api_update = nullptr);
  // The plans of a prepared request: one per source for a query; for a mutation, one, or one
  // per root field when its fields write to several sources.
  Result<Planned> plan(const Prepared& prepared,
                       const planner::DataApiUpdate* data_api_update = nullptr);
  boost::asio::awaitable<std::string> run(const std::shared_ptr<const schema::RoleSchema>& schema,
                                          Planned& planned);
  // Runs a mutation plan's statements in one transaction, adding each root field's JSON to
  // `values` (by response key); the error when the transaction failed and was rolled back.
  boost::asio::awaitable<std::optional<Error>> runTransaction(
      const std::shared_ptr<const schema::RoleSchema>& schema, planner::Plan& plan,
      std::map<std::string, std::string>& values);

  std::shared_ptr<metadata::MetadataService> service_;
  Options options_;
  std::mutex mutex_;
  std::shared_ptr<const metadata::Resolved> cached_for_;
  // By role (see roleSchema); ready, or being built by the request that asked first.
  std::map<std::string, std::shared_future<SchemaResult>> schemas_;
  std::shared_ptr<graphql::TypeRegistry> types_;  // shared by the schemas of cached_for_
  std::vector<std::string> warm_keys_;            // the keys of schemas_ before the last change
  std::unique_ptr<PlanCache> plan_cache_;

  std::mutex warm_mutex_;
  std::condition_variable warm_wakeup_;
  bool warm_pending_ = false;
  bool warm_stopping_ = false;
  std::thread warmer_;
};

}  // namespace graft::execute
