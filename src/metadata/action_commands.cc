#include "metadata/action_commands.h"

#include <boost/json/array.hpp>
#include <map>
#include <set>
#include <string>

#include "metadata/command_args.h"
#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

// GraphQL's scalars and the Postgres scalars Hasura lets actions use by name.
const std::set<std::string, std::less<>>& builtinScalars() {
  static const std::set<std::string, std::less<>> names = {
      "Int",      "Float",  "String",    "Boolean",   "ID",          "bigint", "bit",   "bool",
      "boolean",  "bpchar", "char",      "date",      "float4",      "float8", "int",   "int2",
      "int4",     "int8",   "integer",   "interval",  "json",        "jsonb",  "money", "numeric",
      "smallint", "text",   "time",      "timestamp", "timestamptz", "timetz", "uuid",  "varchar",
      "citext",   "ltree",  "geography", "geometry"};
  return names;
}

// The named type of a GraphQL type reference ("[Foo!]!" → "Foo"), or nullopt when it is not
// one.
std::optional<std::string> namedType(std::string_view type) {
  size_t open = 0;
  while (open < type.size() && type[open] == '[') ++open;
  type.remove_prefix(open);
  size_t end = 0;
  while (end < type.size() && type[end] != '!' && type[end] != ']') ++end;
  std::string_view name = type.substr(0, end);
  std::string_view rest = type.substr(end);
  size_t closed = 0;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == ']') {
      ++closed;
    } else if (rest[i] != '!' || (i > 0 && rest[i - 1] == '!')) {
      return std::nullopt;
    }
  }
  if (closed != open || !isGraphqlName(name)) return std::nullopt;
  return std::string(name);
}

enum class TypeKind { kScalar, kEnum, kInputObject, kObject };

// The custom types by name, with their kind.
std::map<std::string, TypeKind, std::less<>> customTypes(const bj::object& metadata) {
  std::map<std::string, TypeKind, std::less<>> out;
  const bj::value* types = metadata.if_contains("custom_types");
  if (types == nullptr || !types->is_object()) return out;
  auto add = [&](const char* key, TypeKind kind) {
    const bj::value* list = types->as_object().if_contains(key);
    if (list == nullptr || !list->is_array()) return;
    for (const bj::value& type : list->as_array()) {
      const bj::value* name = type.is_object() ? type.as_object().if_contains("name") : nullptr;
      if (name != nullptr && name->is_string()) out.emplace(std::string(name->as_string()), kind);
    }
  };
  add("scalars", TypeKind::kScalar);
  add("enums", TypeKind::kEnum);
  add("input_objects", TypeKind::kInputObject);
  add("objects", TypeKind::kObject);
  return out;
}

Error actionInconsistent(const std::string& action, const std::string& reason) {
  return argsError("invalid-configuration",
                   "Inconsistent object: in action \"" + action + "\"; " + reason);
}

// An action's argument and output types against the custom types.
Status checkActionTypes(const bj::object& metadata, const std::string& action,
                        const bj::object& definition) {
  auto custom = customTypes(metadata);
  auto kindOf = [&](const std::string& name) -> std::optional<TypeKind> {
    if (auto found = custom.find(name); found != custom.end()) return found->second;
    if (builtinScalars().contains(name)) return TypeKind::kScalar;
    return std::nullopt;
  };
  if (const bj::value* arguments = definition.if_contains("arguments")) {
    for (const bj::value& argument : arguments->as_array()) {
      std::string type = *namedType(argument.as_object().at("type").as_string());
      auto kind = kindOf(type);
      if (!kind || *kind == TypeKind::kObject) {
        return std::unexpected(
            actionInconsistent(action, "the type: \"" + type +
                                           "\" is not defined in custom types or it is not a "
                                           "scalar/enum/input_object"));
      }
    }
  }
  std::string output = *namedType(definition.at("output_type").as_string());
  auto kind = kindOf(output);
  if (!kind || (*kind != TypeKind::kObject && *kind != TypeKind::kScalar)) {
    return std::unexpected(actionInconsistent(
        action,
        "the type: \"" + output + "\" is not an object or scalar type defined in custom types"));
  }
  return ok();
}

// A GraphQL type reference member, checked.
Result<std::string> typeReference(const bj::object& object, std::string_view key,
                                  const std::string& path) {
  GRAFT_TRY(std::string type, requiredString(object, key, path));
  if (!namedType(type)) {
    return std::unexpected(argsError("parse-failed", "not a valid GraphQL type: " + type,
                                     path + "." + std::string(key)));
  }
  return type;
}

// An action's definition, checked, in the order and shape Hasura exports it.
Result<bj::object> actionDefinition(const bj::object& args) {
  const bj::value* given = args.if_contains("definition");
  if (given == nullptr) {
    return std::unexpected(argsError("parse-failed", "key \"definition\" not found"));
  }
  const std::string path = "$.args.definition";
  if (!given->is_object())
    return std::unexpected(argsError("parse-failed", "expected Object", path));
  const bj::object& d = given->as_object();
  GRAFT_TRY(std::string handler, requiredString(d, "handler", path));
  GRAFT_TRY(std::string output_type, typeReference(d, "output_type", path));
  GRAFT_TRY(auto type, optionalString(d, "type", path));
  std::string kind_of = type.value_or("mutation");
  if (kind_of != "mutation" && kind_of != "query") {
    return std::unexpected(argsError(
        "parse-failed", "expected mutation or query, but found " + kind_of, path + ".type"));
  }
  GRAFT_TRY(auto kind, optionalString(d, "kind", path));
  if (kind && *kind != "synchronous" && *kind != "asynchronous") {
    return std::unexpected(argsError("parse-failed",
                                     "expected synchronous or asynchronous, but found " + *kind,
                                     path + ".kind"));
  }
  GRAFT_TRY(bool forward, optionalBool(d, "forward_client_headers", false, path));
  bj::array arguments;
  if (const bj::value* given_arguments = d.if_contains("arguments");
      given_arguments && !given_arguments->is_null()) {
    if (!given_arguments->is_array()) {
      return std::unexpected(argsError("parse-failed", "expected Array", path + ".arguments"));
    }
    for (size_t i = 0; i < given_arguments->as_array().size(); ++i) {
      const bj::value& argument = given_arguments->as_array()[i];
      std::string at = path + ".arguments[" + std::to_string(i) + "]";
      if (!argument.is_object()) {
        return std::unexpected(argsError("parse-failed", "expected Object", at));
      }
      GRAFT_TRY(std::string name, requiredString(argument.as_object(), "name", at));
      if (!isGraphqlName(name)) {
        return std::unexpected(
            argsError("parse-failed", name + " is not valid GraphQL name", at + ".name"));
      }
      GRAFT_TRY(std::string argument_type, typeReference(argument.as_object(), "type", at));
      bj::object out{{"name", name}, {"type", argument_type}};
      if (const bj::value* description = argument.as_object().if_contains("description");
          description && !description->is_null()) {
        out["description"] = *description;
      }
      arguments.emplace_back(std::move(out));
    }
  }
  const bj::value* timeout = d.if_contains("timeout");
  if (timeout != nullptr && !timeout->is_null()) {
    if (!timeout->is_int64() && !timeout->is_uint64()) {
      return std::unexpected(argsError("parse-failed", "expected Int", path + ".timeout"));
    }
    if (timeout->is_int64() && timeout->as_int64() < 0) {
      return std::unexpected(
          argsError("parse-failed", "timeout value cannot be negative", path + ".timeout"));
    }
  }
  bj::object out{{"handler", handler}, {"output_type", output_type}};
  if (forward) out["forward_client_headers"] = true;
  if (const bj::value* headers = d.if_contains("headers");
      headers && headers->is_array() && !headers->as_array().empty()) {
    out["headers"] = *headers;
  }
  if (!arguments.empty()) out["arguments"] = std::move(arguments);
  for (const char* key : {"request_transform", "response_transform"}) {
    if (const bj::value* value = d.if_contains(key); value && !value->is_null()) out[key] = *value;
  }
  out["type"] = kind_of;
  if (kind_of == "mutation") out["kind"] = kind.value_or("synchronous");
  if (timeout != nullptr && !timeout->is_null() && !(*timeout == 30)) out["timeout"] = *timeout;
  return out;
}

bj::object* findAction(bj::object& metadata, std::string_view name) {
  bj::value* list = metadata.if_contains("actions");
  return list != nullptr && list->is_array() ? findNamed(list->as_array(), name) : nullptr;
}

Error actionMissing(const std::string& name) {
  return argsError("not-exists", "action with name \"" + name + "\" does not exist");
}

Status createOrUpdateAction(bj::object& metadata, const bj::object& args, bool create) {
  GRAFT_TRY(std::string name, requiredString(args, "name"));
  if (!isGraphqlName(name)) {
    return std::unexpected(
        argsError("parse-failed", name + " is not valid GraphQL name", "$.args.name"));
  }
  GRAFT_TRY(bj::object definition, actionDefinition(args));
  GRAFT_TRY(auto comment, optionalString(args, "comment"));
  bj::object* existing = findAction(metadata, name);
  if (create && existing != nullptr) {
    return std::unexpected(
        argsError("already-exists", "action with name \"" + name + "\" already exists"));
  }
  if (!create && existing == nullptr) return std::unexpected(actionMissing(name));
  GRAFT_CHECK(checkActionTypes(metadata, name, definition));
  bj::object entry{{"name", name}, {"definition", std::move(definition)}};
  if (comment) entry["comment"] = *comment;
  if (existing != nullptr) {
    if (const bj::value* permissions = existing->if_contains("permissions")) {
      entry["permissions"] = *permissions;
    }
    *existing = std::move(entry);
  } else {
    insertByName(listMember(metadata, "actions"), std::move(entry));
  }
  return ok();
}

Status actionPermission(bj::object& metadata, const bj::object& args, bool create) {
  GRAFT_TRY(std::string action, requiredString(args, "action"));
  GRAFT_TRY(std::string role, requiredString(args, "role"));
  GRAFT_TRY(auto comment, optionalString(args, "comment"));
  bj::object* entry = findAction(metadata, action);
  if (!create) {
    if (entry == nullptr || !removeNamed(*entry, "permissions", role, "role")) {
      return std::unexpected(
          argsError("not-exists",
                    "permission for role: \"" + role + "\" is not defined on \"" + action + "\""));
    }
    return ok();
  }
  if (entry == nullptr) return std::unexpected(actionMissing(action));
  bj::array& permissions = listMember(*entry, "permissions");
  if (findNamed(permissions, role, "role") != nullptr) {
    return std::unexpected(
        argsError("already-exists",
                  "permission for role \"" + role + "\" is already defined on \"" + action + "\""));
  }
  bj::object permission{{"role", role}};
  if (comment) permission["comment"] = *comment;
  permissions.insert(permissions.begin(), bj::value(std::move(permission)));  // newest first
  return ok();
}

// set_custom_types: the four lists, checked as Hasura checks them, replacing the old ones.
Status setCustomTypes(bj::object& metadata, const bj::object& args) {
  std::vector<std::string> reasons;
  std::map<std::string, TypeKind, std::less<>> defined;
  std::string duplicates;
  bj::object stored;
  const std::pair<const char*, TypeKind> kLists[] = {{"input_objects", TypeKind::kInputObject},
                                                     {"objects", TypeKind::kObject},
                                                     {"scalars", TypeKind::kScalar},
                                                     {"enums", TypeKind::kEnum}};
  for (const auto& [key, kind] : kLists) {
    const bj::value* list = args.if_contains(key);
    if (list == nullptr || list->is_null()) continue;
    std::string path = "$.args." + std::string(key);
    if (!list->is_array())
      return std::unexpected(argsError("parse-failed", "expected Array", path));
    for (size_t i = 0; i < list->as_array().size(); ++i) {
      const bj::value& type = list->as_array()[i];
      std::string at = path + "[" + std::to_string(i) + "]";
      if (!type.is_object())
        return std::unexpected(argsError("parse-failed", "expected Object", at));
      GRAFT_TRY(std::string name, requiredString(type.as_object(), "name", at));
      if (!isGraphqlName(name)) {
        return std::unexpected(
            argsError("parse-failed", name + " is not valid GraphQL name", at + ".name"));
      }
      if (kind == TypeKind::kObject || kind == TypeKind::kInputObject) {
        const bj::value* fields = type.as_object().if_contains("fields");
        if (fields == nullptr) {
          return std::unexpected(argsError("parse-failed", "key \"fields\" not found", at));
        }
        if (!fields->is_array() || fields->as_array().empty()) {
          return std::unexpected(
              argsError("parse-failed", "expected a non-empty Array", at + ".fields"));
        }
        for (size_t f = 0; f < fields->as_array().size(); ++f) {
          std::string field_at = at + ".fields[" + std::to_string(f) + "]";
          const bj::value& field = fields->as_array()[f];
          if (!field.is_object()) {
            return std::unexpected(argsError("parse-failed", "expected Object", field_at));
          }
          GRAFT_TRY(std::string field_name, requiredString(field.as_object(), "name", field_at));
          GRAFT_TRY(std::string field_type, typeReference(field.as_object(), "type", field_at));
        }
      }
      if (!defined.emplace(name, kind).second && !builtinScalars().contains(name)) {
        duplicates += (duplicates.empty() ? "\"" : ", \"") + name + "\"";
      }
    }
    if (!list->as_array().empty()) stored[key] = *list;
  }
  if (!duplicates.empty()) reasons.push_back("duplicate type names: " + duplicates);
  // Field types: input objects take scalars, enums and input objects; objects scalars, enums
  // and objects.
  auto kindOf = [&](const std::string& name) -> std::optional<TypeKind> {
    if (auto found = defined.find(name); found != defined.end()) return found->second;
    if (builtinScalars().contains(name)) return TypeKind::kScalar;
    return std::nullopt;
  };
  for (const auto& [key, kind] : kLists) {
    if (kind != TypeKind::kObject && kind != TypeKind::kInputObject) continue;
    const bj::value* list = stored.if_contains(key);
    if (list == nullptr) continue;
    for (const bj::value& type : list->as_array()) {
      std::string type_name(type.as_object().at("name").as_string());
      for (const bj::value& field : type.as_object().at("fields").as_array()) {
        std::string field_type = *namedType(field.as_object().at("type").as_string());
        auto found = kindOf(field_type);
        bool fits = found && (kind == TypeKind::kObject ? *found != TypeKind::kInputObject
                                                        : *found != TypeKind::kObject);
        if (!fits) {
          reasons.push_back("the type \"" + field_type + "\" for field \"" +
                            std::string(field.as_object().at("name").as_string()) + "\" in  " +
                            (kind == TypeKind::kObject ? "object" : "input object") + " type \"" +
                            type_name + "\" does not exist");
        }
      }
    }
  }
  if (!reasons.empty()) {
    std::string message = "validation for the given custom types failed ";
    if (reasons.size() == 1) {
      message += "because " + reasons.front();
    } else {
      message += "for the following reasons:\n";
      for (const std::string& reason : reasons) message += "  • " + reason + "\n";
    }
    return std::unexpected(argsError("invalid-configuration", "Inconsistent object: " + message));
  }
  // (A failed command leaves the document as it was: the service discards its working copy.)
  if (stored.empty()) {
    metadata.erase("custom_types");
  } else {
    metadata["custom_types"] = std::move(stored);
  }
  // Actions that no longer find their types make the change fail, as in Hasura.
  if (const bj::value* actions = metadata.if_contains("actions"); actions && actions->is_array()) {
    for (const bj::value& action : actions->as_array()) {
      const bj::object& entry = action.as_object();
      Status fits = checkActionTypes(metadata, std::string(entry.at("name").as_string()),
                                     entry.at("definition").as_object());
      if (!fits) {
        return std::unexpected(
            argsError("unexpected", "cannot continue due to new inconsistent metadata"));
      }
    }
  }
  return ok();
}

}  // namespace

bool isActionCommand(std::string_view type) {
  return type == "create_action" || type == "update_action" || type == "drop_action" ||
         type == "create_action_permission" || type == "drop_action_permission" ||
         type == "set_custom_types";
}

Status runActionCommand(bj::object& metadata, std::string_view type, const bj::value& args) {
  GRAFT_TRY(const bj::object* a, argsObject(args));
  if (type == "create_action") return createOrUpdateAction(metadata, *a, true);
  if (type == "update_action") return createOrUpdateAction(metadata, *a, false);
  if (type == "create_action_permission") return actionPermission(metadata, *a, true);
  if (type == "drop_action_permission") return actionPermission(metadata, *a, false);
  if (type == "set_custom_types") return setCustomTypes(metadata, *a);
  // drop_action {name, clear_data}: there are no async action logs to clear yet.
  GRAFT_TRY(std::string name, requiredString(*a, "name"));
  GRAFT_TRY(bool clear_data, optionalBool(*a, "clear_data", true));
  (void)clear_data;
  if (!removeNamed(metadata, "actions", name)) return std::unexpected(actionMissing(name));
  return ok();
}

}  // namespace graft::metadata
