#include "metadata/permission_commands.h"

#include <algorithm>
#include <array>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <functional>

#include "metadata/command_args.h"
#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

constexpr std::array<std::string_view, 4> kKinds = {"select", "insert", "update", "delete"};

std::string listKey(PermissionKind kind) {
  return std::string(permissionKindName(kind)) + "_permissions";
}

struct PermissionArgs {
  TableRef ref;
  std::string role;
};

Result<PermissionArgs> parseArgs(const bj::value& args) {
  GRAFT_TRY(auto ref, parseTableRef(args));
  const bj::object& a = args.as_object();
  auto role = a.find("role");
  if (role == a.end() || !role->value().is_string()) {
    return std::unexpected(Error::parseFailed("key \"role\" not found").withPath("$.args"));
  }
  return PermissionArgs{std::move(ref), std::string(role->value().as_string())};
}

bj::array& listOf(bj::object& entry, PermissionKind kind) {
  bj::value& list = entry[listKey(kind)];
  if (!list.is_array()) list = bj::array();
  return list.as_array();
}

bj::object* findPermission(bj::object& entry, PermissionKind kind, const std::string& role) {
  auto list = entry.find(listKey(kind));
  if (list == entry.end() || !list->value().is_array()) return nullptr;
  return findNamed(list->value().as_array(), role, "role");
}

// Hasura's error for a permission that cannot be defined: the message prefixed with where it
// is, and the definition as internal detail.
Error permissionError(std::string code, const pg::QualifiedName& table, PermissionKind kind,
                      const std::string& role, const bj::value& permission,
                      const std::string& reason) {
  std::string message =
      "in table \"" + table.display() + "\": in permission for role \"" + role + "\": " + reason;
  bj::object definition;
  definition["role"] = role;
  definition["comment"] = nullptr;
  definition["permission"] = permission;
  bj::object table_name;
  table_name["schema"] = table.schema;
  table_name["name"] = table.name;
  definition["table"] = std::move(table_name);
  bj::object report;
  report["definition"] = std::move(definition);
  report["reason"] = message;
  report["type"] = std::string(permissionKindName(kind)) + "_permission";
  Error error(std::move(code), message);
  error.withPath("$.args").withInternal(bj::serialize(bj::array{std::move(report)}));
  return error;
}

// `columns`: "*" or a list of the table's columns.
Status checkColumns(const pg::Table& table, const bj::object& permission,
                    const std::function<Error(std::string)>& fail) {
  auto columns = permission.find("columns");
  if (columns == permission.end()) return {};
  if (columns->value().is_string() && columns->value().as_string() == "*") return {};
  if (!columns->value().is_array()) {
    return std::unexpected(Error::parseFailed("expected \"*\" or a list of columns")
                               .withPath("$.args.permission.columns"));
  }
  for (const bj::value& column : columns->value().as_array()) {
    if (!column.is_string() || table.findColumn(column.as_string()) == nullptr) {
      return std::unexpected(fail("no such column exists: " + bj::serialize(column)));
    }
  }
  return {};
}

}  // namespace

std::string_view permissionKindName(PermissionKind kind) {
  return kKinds[static_cast<size_t>(kind)];
}

std::optional<PermissionCommand> parsePermissionCommand(std::string_view name) {
  if (name == "set_permission_comment") {
    return PermissionCommand{PermissionCommand::Action::kComment, std::nullopt};
  }
  for (size_t i = 0; i < kKinds.size(); ++i) {
    std::string suffix = std::string(kKinds[i]) + "_permission";
    auto kind = static_cast<PermissionKind>(i);
    if (name == "create_" + suffix)
      return PermissionCommand{PermissionCommand::Action::kCreate, kind};
    if (name == "drop_" + suffix) return PermissionCommand{PermissionCommand::Action::kDrop, kind};
  }
  return std::nullopt;
}

Status createPermission(bj::object& metadata, const pg::Catalog& catalog, PermissionKind kind,
                        const bj::value& args) {
  GRAFT_TRY(auto parsed, parseArgs(args));
  GRAFT_TRY(bj::object * entry, findTrackedTable(metadata, parsed.ref));
  const bj::object& a = args.as_object();
  auto permission = a.find("permission");
  if (permission == a.end() || !permission->value().is_object()) {
    return std::unexpected(
        Error::parseFailed("key \"permission\" not found or not an Object").withPath("$.args"));
  }
  const pg::QualifiedName& table_name = parsed.ref.table;
  auto fail = [&](std::string code, std::string reason) {
    return permissionError(std::move(code), table_name, kind, parsed.role, permission->value(),
                           reason);
  };
  if (parsed.role == "admin") {
    return std::unexpected(fail("constraint-violation", "cannot define permission for admin role"));
  }
  if (findPermission(*entry, kind, parsed.role) != nullptr) {
    return std::unexpected(argsError(
        "already-exists", std::string(permissionKindName(kind)) +
                              " permission already defined on table \"" + table_name.display() +
                              "\" with role \"" + parsed.role + "\""));
  }
  const pg::Table* table = catalog.findTable(table_name);
  if (table == nullptr) {
    return std::unexpected(
        argsError("not-exists", "table " + quoted(table_name) + " does not exist"));
  }
  const bj::object& p = permission->value().as_object();
  GRAFT_CHECK(checkColumns(
      *table, p, [&](std::string reason) { return fail("not-exists", std::move(reason)); }));
  for (const char* key : {"filter", "check", "set"}) {
    auto found = p.find(key);
    if (found != p.end() && !found->value().is_object() && !found->value().is_null()) {
      return std::unexpected(
          Error::parseFailed("expected Object").withPath(std::string("$.args.permission.") + key));
    }
  }
  bj::object stored;
  stored["role"] = parsed.role;
  stored["permission"] = permission->value();
  if (auto comment = a.find("comment"); comment != a.end() && comment->value().is_string()) {
    stored["comment"] = comment->value();
  }
  listOf(*entry, kind).push_back(std::move(stored));
  return {};
}

Status dropPermission(bj::object& metadata, PermissionKind kind, const bj::value& args) {
  GRAFT_TRY(auto parsed, parseArgs(args));
  GRAFT_TRY(bj::object * entry, findTrackedTable(metadata, parsed.ref));
  bj::object* permission = findPermission(*entry, kind, parsed.role);
  if (permission == nullptr) {
    return std::unexpected(
        argsError("bad-request", std::string(permissionKindName(kind)) + " permission on \"" +
                                     parsed.ref.table.display() + "\" for role \"" + parsed.role +
                                     "\" does not exist"));
  }
  bj::array& list = listOf(*entry, kind);
  for (auto it = list.begin(); it != list.end(); ++it) {
    if (&it->as_object() == permission) {
      list.erase(it);
      break;
    }
  }
  if (list.empty()) entry->erase(listKey(kind));
  return {};
}

Status setPermissionComment(bj::object& metadata, const bj::value& args) {
  GRAFT_TRY(auto parsed, parseArgs(args));
  GRAFT_TRY(bj::object * entry, findTrackedTable(metadata, parsed.ref));
  const bj::object& a = args.as_object();
  auto type = a.find("type");
  std::optional<PermissionKind> kind;
  for (size_t i = 0; type != a.end() && type->value().is_string() && i < kKinds.size(); ++i) {
    if (type->value().as_string() == kKinds[i]) kind = static_cast<PermissionKind>(i);
  }
  if (!kind) {
    return std::unexpected(Error::parseFailed("expected one of select, insert, update, delete")
                               .withPath("$.args.type"));
  }
  bj::object* permission = findPermission(*entry, *kind, parsed.role);
  if (permission == nullptr) {
    return std::unexpected(
        argsError("bad-request", std::string(permissionKindName(*kind)) + " permission on \"" +
                                     parsed.ref.table.display() + "\" for role \"" + parsed.role +
                                     "\" does not exist"));
  }
  auto comment = a.find("comment");
  if (comment == a.end() || comment->value().is_null()) {
    permission->erase("comment");
  } else {
    (*permission)["comment"] = comment->value();
  }
  return {};
}

namespace {

Result<std::string> roleName(const bj::value& args) {
  const bj::value* name = args.is_object() ? args.as_object().if_contains("role_name") : nullptr;
  if (name == nullptr || !name->is_string()) {
    return std::unexpected(Error::parseFailed("key \"role_name\" not found").withPath("$.args"));
  }
  return std::string(name->as_string());
}

}  // namespace

Status addInheritedRole(bj::object& metadata, const bj::value& args) {
  GRAFT_TRY(auto name, roleName(args));
  const bj::value* role_set = args.as_object().if_contains("role_set");
  if (role_set == nullptr || !role_set->is_array() ||
      std::ranges::any_of(role_set->as_array(),
                          [](const bj::value& v) { return !v.is_string(); })) {
    return std::unexpected(
        Error::parseFailed("key \"role_set\" not found or not a list of role names")
            .withPath("$.args"));
  }
  if (name == "admin") {
    return std::unexpected(
        argsError("constraint-violation", "cannot define an inherited role named admin"));
  }
  bj::value& list = metadata["inherited_roles"];
  if (!list.is_array()) list = bj::array();
  for (const bj::value& existing : list.as_array()) {
    if (existing.is_object() && existing.as_object().contains("role_name") &&
        existing.as_object().at("role_name") == name.c_str()) {
      return std::unexpected(
          argsError("already-exists", "the inherited role \"" + name + "\" already exists"));
    }
  }
  bj::object entry;
  entry["role_name"] = name;
  entry["role_set"] = *role_set;
  list.as_array().push_back(std::move(entry));
  return {};
}

Status dropInheritedRole(bj::object& metadata, const bj::value& args) {
  GRAFT_TRY(auto name, roleName(args));
  auto list = metadata.find("inherited_roles");
  if (list != metadata.end() && list->value().is_array()) {
    bj::array& roles = list->value().as_array();
    for (auto it = roles.begin(); it != roles.end(); ++it) {
      if (it->is_object() && it->as_object().contains("role_name") &&
          it->as_object().at("role_name") == name.c_str()) {
        roles.erase(it);
        if (roles.empty()) metadata.erase("inherited_roles");
        return {};
      }
    }
  }
  return std::unexpected(argsError("not-exists", "inherited role \"" + name + "\" does not exist"));
}

}  // namespace graft::metadata
