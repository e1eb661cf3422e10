// The permission commands: create_{select,insert,update,delete}_permission,
// drop_<kind>_permission and set_permission_comment (and their pg_ forms), on a metadata
// document, checked against the tracked tables and the source's catalog, and the inherited
// roles (add_inherited_role, drop_inherited_role). Stored as Hasura stores them; the schema
// and planner enforce them. Pure functions; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::metadata {

enum class PermissionKind { kSelect, kInsert, kUpdate, kDelete };

// "select", ...; and the command name's kind ("create_select_permission" → kSelect).
std::string_view permissionKindName(PermissionKind kind);

// Which permission command `name` is (without any pg_ prefix): create, drop or comment, with
// its kind; nullopt for any other command.
struct PermissionCommand {
  enum class Action { kCreate, kDrop, kComment } action;
  std::optional<PermissionKind> kind;  // unset for set_permission_comment, which names it
};
std::optional<PermissionCommand> parsePermissionCommand(std::string_view name);

Status createPermission(boost::json::object& metadata, const pg::Catalog& catalog,
                        PermissionKind kind, const boost::json::value& args);
Status dropPermission(boost::json::object& metadata, PermissionKind kind,
                      const boost::json::value& args);
// {table, role, type: select|insert|update|delete, comment}
Status setPermissionComment(boost::json::object& metadata, const boost::json::value& args);

// {role_name, role_set: [role, ...]} into the metadata's inherited_roles; {role_name} out.
Status addInheritedRole(boost::json::object& metadata, const boost::json::value& args);
Status dropInheritedRole(boost::json::object& metadata, const boost::json::value& args);

}  // namespace graft::metadata
