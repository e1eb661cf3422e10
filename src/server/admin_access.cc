#include "server/admin_access.h"

#include <boost/json/object.hpp>

namespace graft::server {

Error adminOnly() {
  return Error::accessDenied("restricted access : admin only").withPath("$.args");
}

bool isDataCommand(const boost::json::value& command) {
  if (!command.is_object()) return false;
  auto type = command.as_object().find("type");
  if (type == command.as_object().end() || !type->value().is_string()) return false;
  std::string_view t = type->value().as_string();
  if (t == "select" || t == "count" || t == "insert" || t == "update" || t == "delete") {
    return true;
  }
  if (t != "bulk") return false;
  auto args = command.as_object().find("args");
  if (args == command.as_object().end() || !args->value().is_array()) return false;
  for (const auto& inner : args->value().as_array()) {
    if (!isDataCommand(inner)) return false;
  }
  return true;
}

}  // namespace graft::server
