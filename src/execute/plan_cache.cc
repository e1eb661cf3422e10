#include "execute/plan_cache.h"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cstdint>
#include <tuple>

#include "graphql/coerce.h"
#include "pg/json_text.h"

namespace graft::execute {

namespace bj = boost::json;

namespace {

constexpr size_t kQueryStatement = SIZE_MAX;

char kindOf(const bj::value& value) {
  switch (value.kind()) {
    case bj::kind::string:
      return 's';
    case bj::kind::int64:
    case bj::kind::uint64:
      return 'i';
    case bj::kind::double_:
      return 'f';
    case bj::kind::bool_:
      return value.get_bool() ? 't' : 'b';
    case bj::kind::null:
      return '0';
    case bj::kind::array:
      return 'a';
    case bj::kind::object:
      return 'o';
  }
  return '?';
}

// The scalar type a variable is declared with, unless it is a list (or the variable is not
// declared): only such variables can be parameters.
const graphql::NamedType* scalarTypeOf(const graphql::Schema& schema,
                                       const graphql::ast::OperationDefinition& operation,
                                       std::string_view name) {
  for (const graphql::ast::VariableDefinition* definition : operation.variable_definitions) {
    if (definition->variable->name != name) continue;
    const graphql::ast::Type* type = definition->type;
    if (const auto* non_null = graphql::ast::dynCast<graphql::ast::NonNullType>(type)) {
      type = non_null->type;
    }
    const auto* named = graphql::ast::dynCast<graphql::ast::NamedType>(type);
    if (named == nullptr) return nullptr;
    const graphql::NamedType* found = schema.findType(named->name);
    return found != nullptr && found->kind() == graphql::TypeKind::kScalar ? found : nullptr;
  }
  return nullptr;
}

std::optional<std::string> render(const bj::value& value, bool as_json) {
  if (as_json) return bj::serialize(value);
  return pg::textOf(value);
}

// A session variable's value (always a string) as the planner renders it.
std::string renderSession(std::string_view value, bool as_json) {
  return as_json ? bj::serialize(bj::value(value)) : std::string(value);
}

// Where a probe value was put: (from the session, name).
struct Probe {
  bool from_session = false;
  std::string name;
};

class Learner {
 public:
  Learner(const Session& session, const bj::object& coerced)
      : session_(session), coerced_(coerced) {}

  void addVariableProbe(const std::string& name, const bj::value& probe) {
    probes_.emplace(*render(probe, false), std::pair{Probe{false, name}, false});
    probes_.emplace(*render(probe, true), std::pair{Probe{false, name}, true});
  }
  void addSessionProbe(const std::string& name, const std::string& probe) {
    probes_.emplace(renderSession(probe, false), std::pair{Probe{true, name}, false});
    probes_.emplace(renderSession(probe, true), std::pair{Probe{true, name}, true});
  }

  // Whether the plans agree but for parameters holding probes; fills `bindings`.
  bool compare(const Planned& first, const Planned& second,
               std::vector<PlanBinding>& bindings) const {
    if (first.mutation != second.mutation || first.response_keys != second.response_keys ||
        first.plans.size() != second.plans.size()) {
      return false;
    }
    for (size_t p = 0; p < first.plans.size(); ++p) {
      const planner::Plan& a = first.plans[p];
      const planner::Plan& b = second.plans[p];
      if (a.source != b.source || a.fields.size() != b.fields.size() ||
          a.statement.has_value() != b.statement.has_value() ||
          a.mutations.size() != b.mutations.size()) {
        return false;
      }
      for (size_t i = 0; i < a.fields.size(); ++i) {
        if (std::tie(a.fields[i].response_key, a.fields[i].column, a.fields[i].value) !=
            std::tie(b.fields[i].response_key, b.fields[i].column, b.fields[i].value)) {
          return false;
        }
      }
      if (a.statement &&
          !compareStatement(*a.statement, *b.statement, p, kQueryStatement, bindings)) {
        return false;
      }
      for (size_t m = 0; m < a.mutations.size(); ++m) {
        const planner::MutationStatement& x = a.mutations[m];
        const planner::MutationStatement& y = b.mutations[m];
        if (x.error_path != y.error_path || x.checked != y.checked || x.guards != y.guards ||
            !compareStatement(x.statement, y.statement, p, m, bindings)) {
          return false;
        }
      }
    }
    return true;
  }

 private:
  bool compareStatement(const pg::Statement& a, const pg::Statement& b, size_t plan,
                        size_t statement, std::vector<PlanBinding>& bindings) const {
    if (a.sql != b.sql || a.params.size() != b.params.size()) return false;
    for (size_t i = 0; i < a.params.size(); ++i) {
      if (a.params[i] == b.params[i]) continue;
      if (!a.params[i] || !b.params[i]) return false;
      auto found = probes_.find(*b.params[i]);
      if (found == probes_.end()) return false;
      const auto& [probe, as_json] = found->second;
      // The first plan must hold the request's own value there, rendered the same way.
      std::optional<std::string> original;
      if (probe.from_session) {
        auto value = session_.variable(probe.name);
        if (!value) return false;
        original = renderSession(*value, as_json);
      } else {
        auto value = coerced_.find(probe.name);
        if (value == coerced_.end()) return false;
        original = render(value->value(), as_json);
      }
      if (original != a.params[i]) return false;
      bindings.push_back({plan, statement, i, probe.from_session, as_json, probe.name});
    }
    return true;
  }

  const Session& session_;
  const bj::object& coerced_;
  std::unordered_map<std::string, std::pair<Probe, bool>> probes_;
};

}  // namespace

std::string PlanCache::keyOf(const Session& session, std::string_view query,
                             std::string_view operation_name, const bj::object& variables) {
  std::string key;
  key.reserve(session.role.size() + operation_name.size() + query.size() + 16 +
              variables.size() * 8);
  key += session.role;
  key += session.backend_only ? "\x1f+" : "\x1f";
  key += operation_name;
  key += '\x1f';
  for (const auto& variable : variables) {
    key += variable.key();
    key += ':';
    key += kindOf(variable.value());
    key += '\x1e';
  }
  key += '\x1f';
  key += query;
  return key;
}

std::shared_ptr<const PlanCache::Entry> PlanCache::lookup(const std::string& key,
                                                          bool& seen_before) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end()) {
    if (seen_.size() >= 4 * capacity_) seen_.clear();
    seen_before = !seen_.insert(std::hash<std::string>{}(key)).second;
    return nullptr;
  }
  seen_before = true;
  lru_.splice(lru_.begin(), lru_, found->second->lru);
  return found->second;
}

void PlanCache::store(const std::string& key, std::shared_ptr<Entry> entry) {
  std::lock_guard lock(mutex_);
  if (auto found = entries_.find(key); found != entries_.end()) {
    lru_.erase(found->second->lru);
    entries_.erase(found);
  }
  lru_.push_front(key);
  entry->lru = lru_.begin();
  entries_.emplace(key, std::move(entry));
  while (entries_.size() > capacity_) {
    entries_.erase(lru_.back());
    lru_.pop_back();
  }
}

void PlanCache::clear() {
  std::unordered_map<std::string, std::shared_ptr<Entry>> dropped;
  std::lock_guard lock(mutex_);
  dropped.swap(entries_);
  lru_.clear();
}

size_t PlanCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::optional<Planned> PlanCache::find(const std::string& key,
                                       const std::shared_ptr<const schema::RoleSchema>& schema,
                                       const Session& session, const bj::object& variables,
                                       bool& learn) {
  bool seen_before = false;
  std::shared_ptr<const Entry> entry = lookup(key, seen_before);
  learn = seen_before && (entry == nullptr || entry->schema != schema);
  if (entry == nullptr || entry->schema != schema || !entry->cacheable) return std::nullopt;
  for (const auto& [name, value] : entry->fixed) {
    auto provided = variables.find(name);
    if (provided == variables.end() || bj::serialize(provided->value()) != value) {
      return std::nullopt;
    }
  }
  auto coerced = graphql::coerceVariableValues(schema->schema(), *entry->operation, variables);
  if (!coerced) return std::nullopt;
  Planned planned = entry->planned;
  for (const PlanBinding& binding : entry->bindings) {
    std::optional<std::string> text;
    if (binding.from_session) {
      auto value = session.variable(binding.name);
      if (!value) return std::nullopt;
      text = renderSession(*value, binding.as_json);
    } else {
      auto value = coerced->find(binding.name);
      if (value == coerced->end() || value->value().is_null()) return std::nullopt;
      text = render(value->value(), binding.as_json);
    }
    planner::Plan& plan = planned.plans[binding.plan];
    pg::Statement& statement = binding.statement == kQueryStatement
                                   ? *plan.statement
                                   : plan.mutations[binding.statement].statement;
    statement.params[binding.param] = std::move(text);
  }
  return planned;
}

void PlanCache::learn(const std::string& key, std::shared_ptr<const schema::RoleSchema> schema,
                      graphql::Arena arena, const graphql::ast::OperationDefinition& operation,
                      const Session& session, const bj::object& provided, const bj::object& coerced,
                      const Planned& planned, const Replan& replan) {
  auto entry = std::make_shared<Entry>();
  entry->schema = std::move(schema);
  // The variables that may be parameters: scalars (not Boolean) given a string or an integer.
  std::vector<std::string> candidates;
  for (const auto& [name, value] : provided) {
    const graphql::NamedType* type = scalarTypeOf(entry->schema->schema(), operation, name);
    if (type != nullptr && type->name() != "Boolean" &&
        (value.is_string() || value.is_int64() || value.is_uint64())) {
      candidates.emplace_back(name);
    }
  }
  // Plans again with probes (values no request is likely to hold, distinct per variable;
  // numbers within Int) in the given variables, and in the session variables if asked; the
  // bindings when the plans agree but for the probes.
  auto attempt = [&](const std::vector<std::string>& probed,
                     bool with_session) -> std::optional<std::vector<PlanBinding>> {
    Learner learner(session, coerced);
    bj::object probe_variables = provided;
    int64_t counter = 0;
    for (const std::string& name : probed) {
      ++counter;
      bj::value probe = provided.at(name).is_string()
                            ? bj::value("graft-plan-probe-" + std::to_string(counter))
                            : bj::value(int64_t{2'000'000'000} + counter * 7'919);
      learner.addVariableProbe(name, probe);
      probe_variables[name] = probe;
    }
    Session probe_session = session;
    if (with_session) {
      for (auto& [name, value] : probe_session.variables) {
        value = "graft-plan-probe-session-" + std::to_string(++counter);
        learner.addSessionProbe(name, value);
      }
    }
    auto second = replan(probe_variables, probe_session);
    std::vector<PlanBinding> bindings;
    if (!second || !learner.compare(planned, *second, bindings)) return std::nullopt;
    return bindings;
  };
  std::vector<std::string> parameters = candidates;
  auto bindings = attempt(parameters, true);
  if (!bindings && !candidates.empty()) {
    // Some variable shapes the SQL (a limit, an offset): find which, one at a time; they must
    // then match exactly, like the variables of other kinds.
    parameters.clear();
    for (const std::string& name : candidates) {
      if (attempt({name}, false)) parameters.push_back(name);
    }
    bindings = attempt(parameters, true);
  }
  entry->cacheable = bindings.has_value();
  if (entry->cacheable) {
    entry->bindings = std::move(*bindings);
    for (const auto& [name, value] : provided) {
      if (std::find(parameters.begin(), parameters.end(), name) == parameters.end()) {
        entry->fixed.emplace_back(name, bj::serialize(value));
      }
    }
    entry->arena = std::make_unique<graphql::Arena>(std::move(arena));
    entry->operation = &operation;
    entry->planned = planned;
  }
  store(key, std::move(entry));
}

}  // namespace graft::execute
