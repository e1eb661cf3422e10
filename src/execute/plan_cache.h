// PlanCache: the plans of recent requests, reused by later requests with the same query text,
// operation, role and variable names, so that a repeated query skips parsing, validation,
// normalisation, planning and SQL printing. Only the values of scalar variables (Int, Float,
// String, ID and custom scalars given a string or a number) and of session variables may
// differ between such requests: they are bound parameters of the SQL. Every other variable
// (null, Boolean, enum, list, input object) is part of what must match.
//
// Which parameters carry which value is learnt, not assumed: when a request is first planned,
// it is planned a second time with every scalar variable and session variable replaced by a
// distinct probe value. If both plans have the same SQL and differ only in parameters that hold
// exactly the probes (rendered as the planner renders them: as text, or as JSON for json and
// jsonb), those parameters are bound to their variables; otherwise the request shape is
// remembered as uncacheable and always planned in full. Entries belong to one role schema:
// a metadata change (a new schema) makes them stale. Thread-safe; bounded (least recently used
// entries go first).
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/result.h"
#include "common/session.h"
#include "graphql/arena.h"
#include "graphql/ast.h"
#include "planner/plan.h"
#include "schema/context.h"

namespace graft::execute {

// A request's plans, ready to run: one per source for a query (in the order the groups were
// formed), a single one for a mutation; `response_keys` in the operation's order.
struct Planned {
  bool mutation = false;
  std::vector<planner::Plan> plans;
  std::vector<std::string> response_keys;
};

// A parameter slot that takes a value from the request: `statement` is SIZE_MAX for the
// plan's query statement, else the index of a mutation statement.
struct PlanBinding {
  size_t plan = 0;
  size_t statement = 0;
  size_t param = 0;
  bool from_session = false;  // a session variable, else a GraphQL variable
  bool as_json = false;       // rendered as JSON text (json, jsonb), else as pg::textOf
  std::string name;
};

class PlanCache {
 public:
  explicit PlanCache(size_t capacity = 256) : capacity_(capacity) {}

  // The key of a request: role, query text, operation name, and each provided variable's name
  // with the kind of its value (values of other kinds never share a plan).
  static std::string keyOf(const Session& session, std::string_view query,
                           std::string_view operation_name, const boost::json::object& variables);

  // The plans of an earlier request with this key, for `schema` (the role's current one), with
  // this request's variable values and session variables bound; nullopt on a miss (also when
  // the variables do not coerce: planning in full then reports the error). `learn` tells
  // whether learn() should follow the full planning: the cache knows nothing of the key yet
  // (for this schema) and has seen it before. Learning costs a second planning (more when
  // some variable shapes the SQL), so a request sent once, such as a query with its values
  // written inline, is not learnt from.
  std::optional<Planned> find(const std::string& key,
                              const std::shared_ptr<const schema::RoleSchema>& schema,
                              const Session& session, const boost::json::object& variables,
                              bool& learn);

  // Replans the request with other variable values and session (the probes), as the engine
  // would plan it.
  using Replan =
      std::function<Result<Planned>(const boost::json::object& variables, const Session& session)>;

  // After a request has been planned in full (`planned`), learns whether and how its plans
  // can serve later requests, and remembers the answer. `arena` holds the parsed document
  // (kept to coerce later requests' variables); `operation` is in it. `provided` are the
  // request's variables as sent, `coerced` as the planner saw them.
  void learn(const std::string& key, std::shared_ptr<const schema::RoleSchema> schema,
             graphql::Arena arena, const graphql::ast::OperationDefinition& operation,
             const Session& session, const boost::json::object& provided,
             const boost::json::object& coerced, const Planned& planned, const Replan& replan);

  size_t size() const;
  // Forgets every plan (keys seen once stay seen). What only the plans held (the schemas of
  // an earlier snapshot) is freed by the caller, outside the cache's lock.
  void clear();

 private:
  struct Entry {
    std::shared_ptr<const schema::RoleSchema> schema;
    bool cacheable = false;
    std::unique_ptr<graphql::Arena> arena;
    const graphql::ast::OperationDefinition* operation = nullptr;
    // Variables whose values are not parameters: their values (serialised) must match.
    std::vector<std::pair<std::string, std::string>> fixed;
    Planned planned;
    std::vector<PlanBinding> bindings;
    std::list<std::string>::iterator lru;
  };

  // The entry of `key`; `seen_before` tells whether the key was seen before this lookup.
  std::shared_ptr<const Entry> lookup(const std::string& key, bool& seen_before);
  void store(const std::string& key, std::shared_ptr<Entry> entry);

  size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Entry>> entries_;
  std::list<std::string> lru_;       // most recently used first
  std::unordered_set<size_t> seen_;  // hashes of keys seen once, not learnt yet
};

}  // namespace graft::execute
