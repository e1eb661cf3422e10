// The remote schema commands (add_remote_schema, update_remote_schema, remove_remote_schema,
// reload_remote_schema, add_remote_schema_permissions, drop_remote_schema_permissions) and
// the remote relationship commands (pg_create/update/delete_remote_relationship and their
// /v1/query names on tables; create/update/delete_remote_schema_remote_relationship on remote
// schemas): arguments checked as Hasura checks them without contacting the remote server,
// and stored as Hasura exports them. Remote schemas are not served yet: joining them into the
// graph comes with the remote schemas issue. Pure functions of their inputs; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::metadata {

// The environment, for url_from_env and {{VAR}} templates (a test passes its own).
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;

struct RemoteCommandContext {
  EnvironmentLookup environment;
  // HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS.
  bool remote_schema_permissions = false;
};

// Whether `type` (as sent, on /v1/metadata or /v1/query) is one of these commands.
bool isRemoteCommand(std::string_view type);
// Runs it. `catalog`: the catalog of the table's source, for the table commands (null for
// the others).
Status runRemoteCommand(boost::json::object& metadata, std::string_view type,
                        const boost::json::value& args, const pg::Catalog* catalog,
                        const RemoteCommandContext& context);
// Whether a remote relationship command on a table; then the source it is about.
std::optional<std::string> remoteRelationshipSource(std::string_view type,
                                                    const boost::json::value& args);

}  // namespace graft::metadata
