// Small helpers for reading a metadata command's arguments and editing the named lists of the
// metadata document (remote schemas, actions, event triggers, ...), with Hasura's parse errors.
// Pure functions; any thread.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace graft::metadata {

// The command's arguments as an object, or parse-failed "expected Object" at $.args.
Result<const boost::json::object*> argsObject(const boost::json::value& args);

// A string member that must be there: parse-failed `key "k" not found` at `path`, or
// "expected String" at `path.k`; with `non_empty`, "empty string not allowed" too.
Result<std::string> requiredString(const boost::json::object& object, std::string_view key,
                                   const std::string& path = "$.args", bool non_empty = true);
// A string member that may be absent or null.
Result<std::optional<std::string>> optionalString(const boost::json::object& object,
                                                  std::string_view key,
                                                  const std::string& path = "$.args");
// A boolean member, `fallback` when absent or null.
Result<bool> optionalBool(const boost::json::object& object, std::string_view key, bool fallback,
                          const std::string& path = "$.args");

// [_A-Za-z][_0-9A-Za-z]*
bool isGraphqlName(std::string_view name);

// The list member `key` of `object`, created empty when missing (or not a list).
boost::json::array& listMember(boost::json::object& object, std::string_view key);
// The entry of `list` whose `field` (default "name") is `name`, or null.
boost::json::object* findNamed(boost::json::array& list, std::string_view name,
                               std::string_view field = "name");
// Inserts `entry` before the first entry whose `name` sorts after its own (Hasura exports
// these lists sorted by name).
void insertByName(boost::json::array& list, boost::json::object entry);
// Removes the entry named `name`; false when there was none. The member `key` of `owner` is
// dropped when its list becomes empty (Hasura omits empty lists from exports).
bool removeNamed(boost::json::object& owner, std::string_view key, std::string_view name,
                 std::string_view field = "name");

}  // namespace graft::metadata
