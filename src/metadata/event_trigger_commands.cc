#include "metadata/event_trigger_commands.h"

#include <cctype>

#include "metadata/command_args.h"
#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

constexpr size_t kMaxTriggerName = 42;

bool validTriggerName(std::string_view name) {
  // ^[A-Za-z]+[A-Za-z0-9_\-]*$
  size_t letters = 0;
  for (char c : name) {
    bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (letters == 0 && !letter) return false;
    if (!letter && !std::isdigit(static_cast<unsigned char>(c)) && c != '_' && c != '-') {
      return false;
    }
    ++letters;
  }
  return letters > 0;
}

Error parseError(std::string message) { return argsError("parse-failed", std::move(message)); }

// {columns: "*" | [column, ...], payload?: "*" | [column, ...]}
Result<bj::object> operationSpec(const bj::value& given, const std::string& path) {
  if (!given.is_object())
    return std::unexpected(argsError("parse-failed", "expected Object", path));
  const bj::object& spec = given.as_object();
  bj::object out;
  for (const char* key : {"columns", "payload"}) {
    const bj::value* value = spec.if_contains(key);
    if (value == nullptr || value->is_null()) {
      if (std::string_view(key) == "columns") {
        return std::unexpected(argsError("parse-failed", "key \"columns\" not found", path));
      }
      continue;
    }
    if (value->is_string()) {
      if (value->as_string() != "*") return std::unexpected(parseError("only * or [] allowed"));
    } else if (value->is_array()) {
      if (value->as_array().empty()) {
        std::string what = std::string_view(key) == "columns" ? "column" : "payload";
        return std::unexpected(parseError("found empty " + what + " specification"));
      }
      for (const bj::value& column : value->as_array()) {
        if (!column.is_string()) return std::unexpected(parseError("unexpected columns"));
      }
    } else {
      return std::unexpected(parseError("unexpected columns"));
    }
    out[key] = *value;
  }
  return out;
}

// The trigger named `name` anywhere in the source's tables: (table entry, trigger).
std::pair<bj::object*, bj::object*> findTrigger(bj::object& source, std::string_view name) {
  bj::value* tables = source.if_contains("tables");
  if (tables == nullptr || !tables->is_array()) return {nullptr, nullptr};
  for (bj::value& table : tables->as_array()) {
    if (!table.is_object()) continue;
    bj::value* triggers = table.as_object().if_contains("event_triggers");
    if (triggers == nullptr || !triggers->is_array()) continue;
    if (bj::object* trigger = findNamed(triggers->as_array(), name)) {
      return {&table.as_object(), trigger};
    }
  }
  return {nullptr, nullptr};
}

}  // namespace

std::string eventTriggerSource(const bj::value& args) {
  if (args.is_object()) {
    const bj::value* source = args.as_object().if_contains("source");
    if (source != nullptr && source->is_string()) return std::string(source->as_string());
  }
  return "default";
}

Status createEventTrigger(bj::object& metadata, const pg::Catalog& catalog, const bj::value& args) {
  GRAFT_TRY(const bj::object* a, argsObject(args));
  GRAFT_TRY(std::string name, requiredString(*a, "name"));
  if (!validTriggerName(name)) {
    return std::unexpected(
        parseError("only alphanumeric and underscore and hyphens allowed for name"));
  }
  if (name.size() > kMaxTriggerName) {
    return std::unexpected(parseError("event trigger name can be at most 42 characters"));
  }
  const bj::value* table_arg = a->if_contains("table");
  if (table_arg == nullptr) return std::unexpected(parseError("key \"table\" not found"));
  GRAFT_TRY(pg::QualifiedName table, parseTableName(*table_arg, "$.args.table"));
  GRAFT_TRY(bool enable_manual, optionalBool(*a, "enable_manual", false));
  GRAFT_TRY(bool replace, optionalBool(*a, "replace", false));

  // In the order Hasura exports the definition's keys, enable_manual always.
  bj::object definition;
  bool any_operation = false;
  for (const char* operation : {"delete", "insert", "update"}) {
    if (std::string_view(operation) == "insert") definition["enable_manual"] = enable_manual;
    const bj::value* spec = a->if_contains(operation);
    if (spec == nullptr || spec->is_null()) continue;
    GRAFT_TRY(bj::object parsed, operationSpec(*spec, "$.args." + std::string(operation)));
    definition[operation] = std::move(parsed);
    any_operation = true;
  }
  if (!any_operation && !enable_manual) {
    return std::unexpected(
        parseError("atleast one amongst insert/update/delete/enable_manual spec must be provided"));
  }

  GRAFT_TRY(auto webhook, optionalString(*a, "webhook"));
  GRAFT_TRY(auto webhook_from_env, optionalString(*a, "webhook_from_env"));
  if (webhook && webhook_from_env) {
    return std::unexpected(parseError("only one of webhook or webhook_from_env should be given"));
  }
  if (!webhook && !webhook_from_env) {
    return std::unexpected(parseError("must provide webhook or webhook_from_env"));
  }
  bj::object retry_conf{{"interval_sec", 10}, {"num_retries", 0}, {"timeout_sec", 60}};
  if (const bj::value* given = a->if_contains("retry_conf"); given && !given->is_null()) {
    if (!given->is_object()) {
      return std::unexpected(argsError("parse-failed", "expected Object", "$.args.retry_conf"));
    }
    retry_conf.clear();
    for (const char* key : {"interval_sec", "num_retries", "timeout_sec"}) {
      const bj::value* value = given->as_object().if_contains(key);
      if (value == nullptr || value->is_null()) {
        if (std::string_view(key) == "timeout_sec") continue;
        return std::unexpected(argsError(
            "parse-failed", "key \"" + std::string(key) + "\" not found", "$.args.retry_conf"));
      }
      if (!value->is_int64() && !value->is_uint64()) {
        return std::unexpected(
            argsError("parse-failed", "expected Int", "$.args.retry_conf." + std::string(key)));
      }
      retry_conf[key] = *value;
    }
  }

  // What the catalog and the metadata say.
  std::string source_name = eventTriggerSource(args);
  GRAFT_TRY(bj::object * source, findSourceEntry(metadata, source_name));
  bj::object* entry = trackedEntry(*source, table);
  if (entry == nullptr) {
    return std::unexpected(argsError(
        "not-exists", "table " + quoted(table) + " does not exist in source: " + source_name));
  }
  const pg::Table* catalog_table = catalog.findTable(table);
  for (const auto& [operation, spec] : definition) {
    if (!spec.is_object()) continue;  // enable_manual
    const bj::value& columns = spec.as_object().at("columns");
    if (!columns.is_array()) continue;
    for (const bj::value& column : columns.as_array()) {
      std::string_view column_name = column.as_string();
      bool exists = catalog_table != nullptr && catalog_table->findColumn(column_name) != nullptr;
      if (exists) continue;
      if (findRelationship(*entry, column_name) != nullptr) {
        return std::unexpected(argsError("unexpected-payload",
                                         "expecting a database column; but, \"" +
                                             std::string(column_name) + "\" is a relationship; "));
      }
      return std::unexpected(
          argsError("not-exists", "column \"" + std::string(column_name) + "\" does not exist"));
    }
  }
  auto [owner, existing] = findTrigger(*source, name);
  if (replace) {
    if (existing == nullptr) {
      return std::unexpected(
          argsError("not-exists", "event trigger \"" + name + "\" does not exist"));
    }
    if (owner != entry) {
      return std::unexpected(
          argsError("not-supported", "cannot replace table or schema for trigger"));
    }
    removeNamed(*owner, "event_triggers", name);
  } else if (existing != nullptr) {
    return std::unexpected(
        argsError("already-exists", "Event trigger with name \"" + name + "\" already exists"));
  }

  bj::object trigger;
  trigger["name"] = name;
  trigger["definition"] = std::move(definition);
  trigger["retry_conf"] = std::move(retry_conf);
  if (webhook) trigger["webhook"] = *webhook;
  if (webhook_from_env) trigger["webhook_from_env"] = *webhook_from_env;
  if (const bj::value* headers = a->if_contains("headers");
      headers && headers->is_array() && !headers->as_array().empty()) {
    trigger["headers"] = *headers;
  }
  for (const char* key :
       {"request_transform", "response_transform", "cleanup_config", "trigger_on_replication"}) {
    if (const bj::value* value = a->if_contains(key); value && !value->is_null()) {
      trigger[key] = *value;
    }
  }
  insertByName(listMember(*entry, "event_triggers"), std::move(trigger));
  return ok();
}

Status deleteEventTrigger(bj::object& metadata, const bj::value& args) {
  GRAFT_TRY(const bj::object* a, argsObject(args));
  GRAFT_TRY(std::string name, requiredString(*a, "name"));
  GRAFT_TRY(bj::object * source, findSourceEntry(metadata, eventTriggerSource(args)));
  auto [owner, existing] = findTrigger(*source, name);
  if (existing == nullptr) {
    return std::unexpected(
        argsError("not-exists", "event trigger \"" + name + "\" does not exist"));
  }
  removeNamed(*owner, "event_triggers", name);
  return ok();
}

}  // namespace graft::metadata
