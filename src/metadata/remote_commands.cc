#include "metadata/remote_commands.h"

#include <boost/json/array.hpp>

#include "graphql/arena.h"
#include "graphql/parser.h"
#include "metadata/command_args.h"
#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

Error invalidParams(std::string message) { return argsError("invalid-params", std::move(message)); }

// An http(s) URL with a host: what Hasura can call.
bool validUrl(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (url.starts_with(scheme)) {
      std::string_view rest = url.substr(scheme.size());
      return !rest.empty() && rest.front() != '/' && rest.find_first_of(" \t\n") == rest.npos;
    }
  }
  return false;
}

// `template` with each {{VAR}} replaced from the environment; Hasura's error names the
// missing ones.
Result<std::string> resolveTemplate(std::string_view text, const EnvironmentLookup& environment) {
  std::string out;
  std::string missing;
  size_t at = 0;
  while (at < text.size()) {
    size_t open = text.find("{{", at);
    size_t close = open == text.npos ? text.npos : text.find("}}", open + 2);
    if (close == text.npos) {
      out += text.substr(at);
      break;
    }
    out += text.substr(at, open - at);
    std::string name(text.substr(open + 2, close - open - 2));
    auto value = environment ? environment(name) : std::nullopt;
    if (value) {
      out += *value;
    } else {
      missing += (missing.empty() ? "" : ", ") + name;
    }
    at = close + 2;
  }
  if (!missing.empty()) {
    return std::unexpected(
        argsError("unexpected", "Value for environment variables not found: " + missing));
  }
  return out;
}

// A remote schema's definition, checked without contacting the server, in the order and
// shape Hasura exports it.
Result<bj::object> remoteSchemaDefinition(const bj::object& args,
                                          const RemoteCommandContext& context) {
  const bj::value* given = args.if_contains("definition");
  if (given == nullptr) {
    return std::unexpected(argsError("parse-failed", "key \"definition\" not found"));
  }
  if (!given->is_object()) {
    return std::unexpected(argsError("parse-failed", "expected Object", "$.args.definition"));
  }
  const bj::object& definition = given->as_object();
  const std::string path = "$.args.definition";
  GRAFT_TRY(auto url, optionalString(definition, "url", path));
  GRAFT_TRY(auto url_from_env, optionalString(definition, "url_from_env", path));
  if (!url && !url_from_env) {
    return std::unexpected(invalidParams("both `url` and `url_from_env` can't be empty"));
  }
  if (url && url_from_env) {
    return std::unexpected(invalidParams("both `url` and `url_from_env` can't be present"));
  }
  if (url) {
    GRAFT_TRY(std::string resolved, resolveTemplate(*url, context.environment));
    if (!validUrl(resolved)) {
      return std::unexpected(invalidParams("not a valid URI generated from the template: " + *url));
    }
  } else {
    auto value = context.environment ? context.environment(*url_from_env) : std::nullopt;
    if (!value) {
      return std::unexpected(invalidParams("environment variable '" + *url_from_env + "' not set"));
    }
    if (!validUrl(*value)) {
      return std::unexpected(
          invalidParams("not a valid URI in environment variable: " + *url_from_env));
    }
  }
  const bj::value* timeout = definition.if_contains("timeout_seconds");
  if (timeout != nullptr && !timeout->is_null() && !timeout->is_int64() && !timeout->is_uint64()) {
    return std::unexpected(argsError("parse-failed", "expected Int", path + ".timeout_seconds"));
  }
  const bj::value* headers = definition.if_contains("headers");
  if (headers != nullptr && !headers->is_null()) {
    if (!headers->is_array()) {
      return std::unexpected(argsError("parse-failed", "expected Array", path + ".headers"));
    }
    for (size_t i = 0; i < headers->as_array().size(); ++i) {
      const bj::value& header = headers->as_array()[i];
      std::string at = path + ".headers[" + std::to_string(i) + "]";
      if (!header.is_object())
        return std::unexpected(argsError("parse-failed", "expected Object", at));
      GRAFT_TRY(std::string name, requiredString(header.as_object(), "name", at));
      if (!header.as_object().contains("value") && !header.as_object().contains("value_from_env")) {
        return std::unexpected(
            argsError("parse-failed", "expecting value or value_from_env keys", at));
      }
    }
  }
  GRAFT_TRY(bool forward, optionalBool(definition, "forward_client_headers", false, path));
  bj::object out;
  if (url) out["url"] = *url;
  if (url_from_env) out["url_from_env"] = *url_from_env;
  if (timeout != nullptr && !timeout->is_null()) out["timeout_seconds"] = *timeout;
  if (const bj::value* c = definition.if_contains("customization"); c && !c->is_null()) {
    out["customization"] = *c;
  }
  if (headers != nullptr && headers->is_array() && !headers->as_array().empty()) {
    out["headers"] = *headers;
  }
  if (forward) out["forward_client_headers"] = true;
  return out;
}

bj::array& remoteSchemas(bj::object& metadata) { return listMember(metadata, "remote_schemas"); }

bj::object* findRemoteSchema(bj::object& metadata, std::string_view name) {
  bj::value* list = metadata.if_contains("remote_schemas");
  return list != nullptr && list->is_array() ? findNamed(list->as_array(), name) : nullptr;
}

Status addRemoteSchema(bj::object& metadata, const bj::object& args,
                       const RemoteCommandContext& context) {
  GRAFT_TRY(std::string name, requiredString(args, "name"));
  GRAFT_TRY(bj::object definition, remoteSchemaDefinition(args, context));
  GRAFT_TRY(auto comment, optionalString(args, "comment"));
  if (findRemoteSchema(metadata, name) != nullptr) {
    return std::unexpected(
        argsError("already-exists", "remote schema with name \"" + name + "\" already exists"));
  }
  bj::object entry{{"name", name}, {"definition", std::move(definition)}};
  if (comment) entry["comment"] = *comment;
  insertByName(remoteSchemas(metadata), std::move(entry));
  return ok();
}

Status updateRemoteSchema(bj::object& metadata, const bj::object& args,
                          const RemoteCommandContext& context) {
  GRAFT_TRY(std::string name, requiredString(args, "name"));
  bj::object* existing = findRemoteSchema(metadata, name);
  if (existing == nullptr) {
    return std::unexpected(
        argsError("not-exists", "remote schema with name \"" + name + "\" doesn't exist"));
  }
  GRAFT_TRY(bj::object definition, remoteSchemaDefinition(args, context));
  GRAFT_TRY(auto comment, optionalString(args, "comment"));
  // Permissions and remote relationships stay; the comment is replaced.
  bj::object entry{{"name", name}, {"definition", std::move(definition)}};
  if (comment) entry["comment"] = *comment;
  for (const char* kept : {"permissions", "remote_relationships"}) {
    if (const bj::value* value = existing->if_contains(kept)) entry[kept] = *value;
  }
  *existing = std::move(entry);
  return ok();
}

// The remote schema a remote relationship definition joins to, if any.
std::optional<std::string> joinedRemoteSchema(const bj::value& definition) {
  if (!definition.is_object()) return std::nullopt;
  const bj::object* d = &definition.as_object();
  if (const bj::value* to = d->if_contains("to_remote_schema"); to && to->is_object()) {
    d = &to->as_object();
  }
  const bj::value* schema = d->if_contains("remote_schema");
  if (schema == nullptr || !schema->is_string()) return std::nullopt;
  return std::string(schema->as_string());
}

Status removeRemoteSchema(bj::object& metadata, const bj::object& args) {
  GRAFT_TRY(std::string name, requiredString(args, "name"));
  if (findRemoteSchema(metadata, name) == nullptr) {
    return std::unexpected(argsError("not-exists", "no such remote schema"));
  }
  // Remote relationships of tables that join to it depend on it.
  std::string dependents;
  if (bj::value* sources = metadata.if_contains("sources"); sources && sources->is_array()) {
    for (bj::value& source : sources->as_array()) {
      if (!source.is_object()) continue;
      std::string source_name = source.as_object()["name"].is_string()
                                    ? std::string(source.as_object()["name"].as_string())
                                    : "";
      bj::value* tables = source.as_object().if_contains("tables");
      if (tables == nullptr || !tables->is_array()) continue;
      for (bj::value& table : tables->as_array()) {
        if (!table.is_object()) continue;
        bj::value* remotes = table.as_object().if_contains("remote_relationships");
        if (remotes == nullptr || !remotes->is_array()) continue;
        auto table_name = parseTableName(table.as_object()["table"], "$");
        for (bj::value& remote : remotes->as_array()) {
          if (!remote.is_object() || !table_name) continue;
          const bj::value* definition = remote.as_object().if_contains("definition");
          if (definition == nullptr || joinedRemoteSchema(*definition) != name) continue;
          if (!dependents.empty()) dependents += ", ";
          dependents += "remote relationship " + table_name->display() + "." +
                        std::string(remote.as_object()["name"].as_string()) + " in source \"" +
                        source_name + "\"";
        }
      }
    }
  }
  if (!dependents.empty()) {
    return std::unexpected(argsError(
        "dependency-error", "cannot drop due to the following dependent objects: " + dependents));
  }
  removeNamed(metadata, "remote_schemas", name);
  return ok();
}

Status reloadRemoteSchema(bj::object& metadata, const bj::object& args) {
  GRAFT_TRY(std::string name, requiredString(args, "name"));
  if (findRemoteSchema(metadata, name) == nullptr) {
    return std::unexpected(
        argsError("not-exists", "remote schema with name \"" + name + "\" does not exist"));
  }
  return ok();  // nothing to fetch yet: remote schemas are not served
}

std::string permissionNotice(const std::string& role, const std::string& schema) {
  return "permissions for role: \"" + role + "\" for remote schema:\"" + schema + "\"";
}

Status addRemoteSchemaPermissions(bj::object& metadata, const bj::object& args,
                                  const RemoteCommandContext& context) {
  if (!context.remote_schema_permissions) {
    return std::unexpected(
        argsError("constraint-violation",
                  "remote schema permissions can only be added when remote schema permissions are "
                  "enabled in the graphql-engine"));
  }
  GRAFT_TRY(std::string schema, requiredString(args, "remote_schema"));
  GRAFT_TRY(std::string role, requiredString(args, "role"));
  const bj::value* definition = args.if_contains("definition");
  if (definition == nullptr) {
    return std::unexpected(argsError("parse-failed", "key \"definition\" not found"));
  }
  if (!definition->is_object()) {
    return std::unexpected(argsError("parse-failed", "expected Object", "$.args.definition"));
  }
  GRAFT_TRY(std::string sdl,
            requiredString(definition->as_object(), "schema", "$.args.definition", false));
  GRAFT_TRY(auto comment, optionalString(args, "comment"));
  graphql::Arena arena;
  auto parsed = graphql::parseSchema(sdl, arena);
  if (!parsed) {
    return std::unexpected(
        argsError("parse-failed", parsed.error().message, "$.args.definition.schema"));
  }
  if (role == "admin") {
    return std::unexpected(
        argsError("constraint-violation", "cannot define permission for admin role"));
  }
  bj::object* entry = findRemoteSchema(metadata, schema);
  if (entry == nullptr) {
    return std::unexpected(
        argsError("not-exists", "remote schema \"" + schema + "\" doesn't exist"));
  }
  bj::array& permissions = listMember(*entry, "permissions");
  if (findNamed(permissions, role, "role") != nullptr) {
    return std::unexpected(
        argsError("already-exists", permissionNotice(role, schema) + " already exists"));
  }
  bj::object permission{{"role", role}, {"definition", bj::object{{"schema", sdl}}}};
  if (comment) permission["comment"] = *comment;
  permissions.insert(permissions.begin(), bj::value(std::move(permission)));  // newest first
  return ok();
}

Status dropRemoteSchemaPermissions(bj::object& metadata, const bj::object& args) {
  GRAFT_TRY(std::string schema, requiredString(args, "remote_schema"));
  GRAFT_TRY(std::string role, requiredString(args, "role"));
  bj::object* entry = findRemoteSchema(metadata, schema);
  if (entry == nullptr) {
    return std::unexpected(
        argsError("not-exists", "remote schema \"" + schema + "\" doesn't exist"));
  }
  if (!removeNamed(*entry, "permissions", role, "role")) {
    return std::unexpected(
        argsError("not-exists", permissionNotice(role, schema) + " doesn't exist"));
  }
  return ok();
}

// {field: {arguments: {...}, field?: {...}}}: exactly one field at each level.
Status checkRemoteField(const bj::value& given, const std::string& path) {
  if (!given.is_object())
    return std::unexpected(argsError("parse-failed", "expected Object", path));
  const bj::object& fields = given.as_object();
  if (fields.size() != 1) {
    return std::unexpected(argsError(
        "parse-failed",
        std::string("Remote fields are represented by an object that maps each field name to "
                    "its arguments. Expecting one single mapping, received ") +
            (fields.empty() ? "none." : "too many."),
        path));
  }
  const auto& [name, call] = *fields.begin();
  std::string at = path + "." + std::string(name);
  if (!call.is_object()) return std::unexpected(argsError("parse-failed", "expected Object", at));
  const bj::value* arguments = call.as_object().if_contains("arguments");
  if (arguments == nullptr) {
    return std::unexpected(argsError("parse-failed", "key \"arguments\" not found", at));
  }
  if (!arguments->is_object()) {
    return std::unexpected(argsError("parse-failed", "expected Object", at + ".arguments"));
  }
  if (const bj::value* nested = call.as_object().if_contains("field")) {
    return checkRemoteField(*nested, at + ".field");
  }
  return ok();
}

Result<std::vector<std::string>> stringList(const bj::object& object, std::string_view key,
                                            const std::string& path) {
  const bj::value* value = object.if_contains(key);
  if (value == nullptr) {
    return std::unexpected(
        argsError("parse-failed", "key \"" + std::string(key) + "\" not found", path));
  }
  std::string at = path + "." + std::string(key);
  if (!value->is_array()) return std::unexpected(argsError("parse-failed", "expected Array", at));
  std::vector<std::string> out;
  for (const bj::value& item : value->as_array()) {
    if (!item.is_string()) return std::unexpected(argsError("parse-failed", "expected String", at));
    out.emplace_back(item.as_string());
  }
  return out;
}

// A remote relationship's definition, strict format: exactly one of to_source,
// to_remote_schema, each checked for its keys.
Status checkStrictDefinition(const bj::value& given, const std::string& path) {
  if (!given.is_object())
    return std::unexpected(argsError("parse-failed", "expected Object", path));
  const bj::object& definition = given.as_object();
  const bj::value* to_source = definition.if_contains("to_source");
  const bj::value* to_schema = definition.if_contains("to_remote_schema");
  if ((to_source == nullptr) == (to_schema == nullptr) || definition.contains("remote_schema")) {
    return std::unexpected(argsError(
        "parse-failed",
        "remote relationship definition (strict format) expects exactly one of: to_source, "
        "to_remote_schema",
        path));
  }
  if (to_schema != nullptr) {
    std::string at = path + ".to_remote_schema";
    if (!to_schema->is_object()) {
      return std::unexpected(argsError("parse-failed", "expected Object", at));
    }
    GRAFT_TRY(std::string schema, requiredString(to_schema->as_object(), "remote_schema", at));
    GRAFT_TRY(auto fields, stringList(to_schema->as_object(), "lhs_fields", at));
    const bj::value* remote_field = to_schema->as_object().if_contains("remote_field");
    if (remote_field == nullptr) {
      return std::unexpected(argsError("parse-failed", "key \"remote_field\" not found", at));
    }
    return checkRemoteField(*remote_field, at + ".remote_field");
  }
  std::string at = path + ".to_source";
  if (!to_source->is_object())
    return std::unexpected(argsError("parse-failed", "expected Object", at));
  const bj::object& target = to_source->as_object();
  GRAFT_TRY(std::string source, requiredString(target, "source", at));
  const bj::value* table = target.if_contains("table");
  if (table == nullptr) {
    return std::unexpected(argsError("parse-failed", "key \"table\" not found", at));
  }
  GRAFT_TRY(auto table_name, parseTableName(*table, at + ".table"));
  GRAFT_TRY(std::string type, requiredString(target, "relationship_type", at));
  if (type != "object" && type != "array") {
    return std::unexpected(argsError("parse-failed",
                                     "expected one of object, array but found " + type,
                                     at + ".relationship_type"));
  }
  const bj::value* mapping = target.if_contains("field_mapping");
  if (mapping == nullptr) {
    return std::unexpected(argsError("parse-failed", "key \"field_mapping\" not found", at));
  }
  if (!mapping->is_object()) {
    return std::unexpected(argsError("parse-failed", "expected Object", at + ".field_mapping"));
  }
  return ok();
}

// What a table's remote relationship is checked against beyond its shape: the table's
// columns, the remote schema, the target source and table. Hasura finds these while building
// its schema cache, hence the code and the prefix.
Status checkTableRemoteRelationship(bj::object& metadata, const pg::QualifiedName& table,
                                    const pg::Catalog* catalog, const std::string& name,
                                    const bj::object& definition) {
  std::string context = "Inconsistent object: in table " + quoted(table) +
                        ": in remote relationship \"" + name + "\": ";
  auto inconsistent = [&](const std::string& reason) {
    return std::unexpected(argsError("invalid-configuration", context + reason));
  };
  const pg::Table* columns = catalog != nullptr ? catalog->findTable(table) : nullptr;
  auto isColumn = [&](std::string_view field) {
    return columns == nullptr || columns->findColumn(field) != nullptr;
  };
  const bj::object* d = &definition;
  if (const bj::value* to = d->if_contains("to_remote_schema")) d = &to->as_object();
  if (const bj::value* schema = d->if_contains("remote_schema")) {
    std::string schema_name(schema->as_string());
    if (findRemoteSchema(metadata, schema_name) == nullptr) {
      return inconsistent("remote schema with name \"" + schema_name + "\" not found");
    }
    const bj::value* fields = d->if_contains("lhs_fields");
    if (fields == nullptr) fields = d->if_contains("hasura_fields");
    for (const bj::value& field : fields->as_array()) {
      if (!isColumn(field.as_string())) {
        return inconsistent("field with name \"" + std::string(field.as_string()) +
                            "\" is not provided by the lhs entity " + quoted(table) +
                            " for defining a join condition");
      }
    }
    return ok();
  }
  const bj::object& target = definition.at("to_source").as_object();
  std::string target_source(target.at("source").as_string());
  auto target_entry = findSourceEntry(metadata, target_source);
  if (!target_entry) return inconsistent("source not found: \"" + target_source + "\"");
  auto target_table = parseTableName(target.at("table"), "$");
  if (trackedEntry(**target_entry, *target_table) == nullptr) {
    return inconsistent("table " + quoted(*target_table) +
                        " does not exist in source: " + target_source);
  }
  for (const auto& [field, _] : target.at("field_mapping").as_object()) {
    if (!isColumn(field)) return inconsistent("\"" + std::string(field) + "\" does not exist");
  }
  return ok();
}

Status tableRemoteRelationship(bj::object& metadata, std::string_view command,
                               const bj::value& given, const pg::Catalog* catalog) {
  GRAFT_TRY(TableRef ref, parseTableRef(given));
  const bj::object& args = given.as_object();
  GRAFT_TRY(std::string name, requiredString(args, "name"));
  GRAFT_TRY(bj::object * source, findSourceEntry(metadata, ref.source));
  bj::object* entry = trackedEntry(*source, ref.table);
  if (entry == nullptr) {
    return std::unexpected(argsError(
        "not-exists", "table " + quoted(ref.table) + " does not exist in source: " + ref.source));
  }
  bool create = command == "create_remote_relationship";
  if (!create) {
    bj::value* remotes = entry->if_contains("remote_relationships");
    bool found = remotes != nullptr && remotes->is_array() &&
                 findNamed(remotes->as_array(), name) != nullptr;
    if (!found) {
      const pg::Table* table = catalog != nullptr ? catalog->findTable(ref.table) : nullptr;
      bool other_field = findRelationship(*entry, name) != nullptr ||
                         (table != nullptr && table->findColumn(name) != nullptr);
      if (other_field) {
        return std::unexpected(argsError("unexpected-payload", "expecting a remote relationship"));
      }
      return std::unexpected(argsError("not-exists", "\"" + name + "\" does not exist"));
    }
    if (command == "delete_remote_relationship") {
      removeNamed(*entry, "remote_relationships", name);
      return ok();
    }
  }
  // The two formats: the old one inline (remote_schema, hasura_fields, remote_field), or
  // `definition`; stored in the format given, as Hasura keeps it.
  const bj::value* definition = args.if_contains("definition");
  bool inline_format = args.contains("remote_schema");
  if (inline_format == (definition != nullptr)) {
    return std::unexpected(
        argsError("parse-failed",
                  "create_remote_relationship expects exactly one of: remote_schema, definition"));
  }
  bj::object stored;
  if (inline_format) {
    GRAFT_TRY(auto fields, stringList(args, "hasura_fields", "$.args"));
    const bj::value* remote_field = args.if_contains("remote_field");
    if (remote_field == nullptr) {
      return std::unexpected(argsError("parse-failed", "key \"remote_field\" not found"));
    }
    GRAFT_TRY(std::string schema, requiredString(args, "remote_schema"));
    GRAFT_CHECK(checkRemoteField(*remote_field, "$.args.remote_field"));
    stored = bj::object{{"hasura_fields", args.at("hasura_fields")},
                        {"remote_field", *remote_field},
                        {"remote_schema", schema}};
  } else {
    GRAFT_CHECK(checkStrictDefinition(*definition, "$.args.definition"));
    stored = definition->as_object();
  }
  GRAFT_CHECK(checkTableRemoteRelationship(metadata, ref.table, catalog, name, stored));
  bj::array& remotes = listMember(*entry, "remote_relationships");
  if (bj::object* existing = findNamed(remotes, name)) {
    (*existing)["definition"] = std::move(stored);  // Hasura's create replaces it too
  } else {
    insertByName(remotes, bj::object{{"name", name}, {"definition", std::move(stored)}});
  }
  return ok();
}

Status schemaRemoteRelationship(bj::object& metadata, std::string_view command,
                                const bj::object& args) {
  GRAFT_TRY(std::string schema, requiredString(args, "remote_schema"));
  GRAFT_TRY(std::string type_name, requiredString(args, "type_name"));
  GRAFT_TRY(std::string name, requiredString(args, "name"));
  if (!isGraphqlName(type_name)) {
    return std::unexpected(
        argsError("parse-failed", type_name + " is not valid GraphQL name", "$.args.type_name"));
  }
  bj::object* entry = findRemoteSchema(metadata, schema);
  if (entry == nullptr) {
    return std::unexpected(
        argsError("not-exists", "remote schema with name \"" + schema + "\" does not exist"));
  }
  bj::value* types_value = entry->if_contains("remote_relationships");
  bj::array* types =
      types_value != nullptr && types_value->is_array() ? &types_value->as_array() : nullptr;
  bj::object* on_type = types != nullptr ? findNamed(*types, type_name, "type_name") : nullptr;
  bj::value* relationships = on_type != nullptr ? on_type->if_contains("relationships") : nullptr;
  if (relationships != nullptr && !relationships->is_array()) relationships = nullptr;
  bj::object* existing =
      relationships != nullptr ? findNamed(relationships->as_array(), name) : nullptr;
  if (command == "delete_remote_schema_remote_relationship") {
    // As in Hasura: no error when there is none, and the type's (empty) list stays.
    if (existing != nullptr) {
      bj::array& list = relationships->as_array();
      for (auto it = list.begin(); it != list.end(); ++it) {
        if (it->is_object() && &it->as_object() == existing) {
          list.erase(it);
          break;
        }
      }
    }
    return ok();
  }
  if (command == "update_remote_schema_remote_relationship" && existing == nullptr) {
    return std::unexpected(argsError("not-exists", "no relationship defined on remote schema \"" +
                                                       schema + "\" with name \"" + name + "\""));
  }
  const bj::value* definition = args.if_contains("definition");
  if (definition == nullptr) {
    return std::unexpected(argsError("parse-failed", "key \"definition\" not found"));
  }
  GRAFT_CHECK(checkStrictDefinition(*definition, "$.args.definition"));
  if (existing != nullptr) {
    (*existing)["definition"] = *definition;
    return ok();
  }
  if (on_type == nullptr) {
    bj::array& list = listMember(*entry, "remote_relationships");
    list.push_back(bj::object{{"type_name", type_name}, {"relationships", bj::array()}});
    on_type = &list.back().as_object();
  }
  listMember(*on_type, "relationships")
      .push_back(bj::object{{"name", name}, {"definition", *definition}});
  return ok();
}

constexpr std::string_view kTableCommands[] = {
    "create_remote_relationship", "update_remote_relationship", "delete_remote_relationship"};

// The table commands under either name ("pg_" on /v1/metadata), as their unprefixed name.
std::optional<std::string_view> tableCommand(std::string_view type) {
  if (type.starts_with("pg_")) type.remove_prefix(3);
  for (std::string_view command : kTableCommands) {
    if (type == command) return command;
  }
  return std::nullopt;
}

}  // namespace

bool isRemoteCommand(std::string_view type) {
  static constexpr std::string_view kOthers[] = {"add_remote_schema",
                                                 "update_remote_schema",
                                                 "remove_remote_schema",
                                                 "reload_remote_schema",
                                                 "add_remote_schema_permissions",
                                                 "drop_remote_schema_permissions",
                                                 "create_remote_schema_remote_relationship",
                                                 "update_remote_schema_remote_relationship",
                                                 "delete_remote_schema_remote_relationship"};
  if (tableCommand(type)) return true;
  for (std::string_view command : kOthers) {
    if (type == command) return true;
  }
  return false;
}

std::optional<std::string> remoteRelationshipSource(std::string_view type, const bj::value& args) {
  if (!tableCommand(type)) return std::nullopt;
  std::string source = "default";
  if (args.is_object()) {
    const bj::value* given = args.as_object().if_contains("source");
    if (given != nullptr && given->is_string()) source = std::string(given->as_string());
  }
  return source;
}

Status runRemoteCommand(bj::object& metadata, std::string_view type, const bj::value& args,
                        const pg::Catalog* catalog, const RemoteCommandContext& context) {
  GRAFT_TRY(const bj::object* a, argsObject(args));
  if (auto command = tableCommand(type)) {
    return tableRemoteRelationship(metadata, *command, args, catalog);
  }
  if (type.ends_with("_remote_schema_remote_relationship")) {
    return schemaRemoteRelationship(metadata, type, *a);
  }
  if (type == "add_remote_schema") return addRemoteSchema(metadata, *a, context);
  if (type == "update_remote_schema") return updateRemoteSchema(metadata, *a, context);
  if (type == "remove_remote_schema") return removeRemoteSchema(metadata, *a);
  if (type == "reload_remote_schema") return reloadRemoteSchema(metadata, *a);
  if (type == "add_remote_schema_permissions") {
    return addRemoteSchemaPermissions(metadata, *a, context);
  }
  return dropRemoteSchemaPermissions(metadata, *a);
}

}  // namespace graft::metadata
