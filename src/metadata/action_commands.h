// The action commands (create_action, update_action, drop_action, create_action_permission,
// drop_action_permission) and set_custom_types: checked as Hasura checks them (names, types
// against the custom types) and stored as Hasura exports them. Actions are not served yet:
// calling their handlers comes with the actions issue. Pure functions; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string_view>

#include "common/result.h"

namespace graft::metadata {

bool isActionCommand(std::string_view type);
Status runActionCommand(boost::json::object& metadata, std::string_view type,
                        const boost::json::value& args);

}  // namespace graft::metadata
