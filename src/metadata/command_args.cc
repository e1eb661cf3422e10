#include "metadata/command_args.h"

#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

Result<const bj::object*> argsObject(const bj::value& args) {
  if (!args.is_object()) return std::unexpected(argsError("parse-failed", "expected Object"));
  return &args.as_object();
}

Result<std::string> requiredString(const bj::object& object, std::string_view key,
                                   const std::string& path, bool non_empty) {
  const bj::value* value = object.if_contains(key);
  if (value == nullptr) {
    return std::unexpected(
        argsError("parse-failed", "key \"" + std::string(key) + "\" not found", path));
  }
  std::string at = path + "." + std::string(key);
  if (!value->is_string()) return std::unexpected(argsError("parse-failed", "expected String", at));
  if (non_empty && value->as_string().empty()) {
    return std::unexpected(argsError("parse-failed", "empty string not allowed", at));
  }
  return std::string(value->as_string());
}

Result<std::optional<std::string>> optionalString(const bj::object& object, std::string_view key,
                                                  const std::string& path) {
  const bj::value* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) return std::optional<std::string>();
  if (!value->is_string()) {
    return std::unexpected(
        argsError("parse-failed", "expected String", path + "." + std::string(key)));
  }
  return std::optional<std::string>(std::string(value->as_string()));
}

Result<bool> optionalBool(const bj::object& object, std::string_view key, bool fallback,
                          const std::string& path) {
  const bj::value* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) return fallback;
  if (!value->is_bool()) {
    return std::unexpected(
        argsError("parse-failed", "expected Boolean", path + "." + std::string(key)));
  }
  return value->as_bool();
}

bool isGraphqlName(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

bj::array& listMember(bj::object& object, std::string_view key) {
  bj::value& member = object[key];
  if (!member.is_array()) member = bj::array();
  return member.as_array();
}

bj::object* findNamed(bj::array& list, std::string_view name, std::string_view field) {
  for (bj::value& entry : list) {
    if (!entry.is_object()) continue;
    const bj::value* value = entry.as_object().if_contains(field);
    if (value != nullptr && value->is_string() && value->as_string() == name) {
      return &entry.as_object();
    }
  }
  return nullptr;
}

void insertByName(bj::array& list, bj::object entry) {
  std::string_view name = entry["name"].is_string() ? entry["name"].as_string() : "";
  auto at = list.begin();
  while (at != list.end()) {
    const bj::value* other = at->is_object() ? at->as_object().if_contains("name") : nullptr;
    if (other != nullptr && other->is_string() && std::string_view(other->as_string()) > name) {
      break;
    }
    ++at;
  }
  list.insert(at, bj::value(std::move(entry)));
}

bool removeNamed(bj::object& owner, std::string_view key, std::string_view name,
                 std::string_view field) {
  bj::value* member = owner.if_contains(key);
  if (member == nullptr || !member->is_array()) return false;
  bj::array& list = member->as_array();
  for (auto it = list.begin(); it != list.end(); ++it) {
    if (!it->is_object()) continue;
    const bj::value* value = it->as_object().if_contains(field);
    if (value != nullptr && value->is_string() && value->as_string() == name) {
      list.erase(it);
      if (list.empty()) owner.erase(key);
      return true;
    }
  }
  return false;
}

}  // namespace graft::metadata
