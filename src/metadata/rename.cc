#include "metadata/rename.h"

#include <boost/json/array.hpp>

namespace graft::metadata {

namespace bj = boost::json;

std::vector<std::pair<pg::QualifiedName, pg::QualifiedName>> renamedTables(
    const std::unordered_map<unsigned, pg::QualifiedName>& before, const pg::Catalog& after) {
  std::vector<std::pair<pg::QualifiedName, pg::QualifiedName>> out;
  for (const pg::Table& table : after.tables()) {
    if (table.oid == 0) continue;
    auto old = before.find(table.oid);
    if (old != before.end() && !(old->second == table.name)) {
      out.emplace_back(old->second, table.name);
    }
  }
  return out;
}

namespace {

// A table reference: "name" (in public) or {"schema", "name"}.
bool refersTo(const bj::value& value, const pg::QualifiedName& name) {
  if (value.is_string()) return name.schema == "public" && value.as_string() == name.name;
  if (!value.is_object()) return false;
  const bj::object& object = value.as_object();
  const bj::value* schema = object.if_contains("schema");
  const bj::value* table = object.if_contains("name");
  std::string_view schema_name = schema != nullptr && schema->is_string()
                                     ? std::string_view(schema->as_string())
                                     : std::string_view("public");
  return table != nullptr && table->is_string() && table->as_string() == name.name &&
         schema_name == name.schema;
}

bj::value reference(const pg::QualifiedName& name) {
  bj::object out;
  out["schema"] = name.schema;
  out["name"] = name.name;
  return out;
}

// Every member named like a table reference, anywhere below `value`.
void rewrite(bj::value& value, const pg::QualifiedName& from, const pg::QualifiedName& to) {
  if (value.is_array()) {
    for (bj::value& item : value.as_array()) rewrite(item, from, to);
    return;
  }
  if (!value.is_object()) return;
  for (auto& [key, item] : value.as_object()) {
    bool table_key = key == "table" || key == "remote_table" || key == "_table";
    if (table_key && refersTo(item, from)) {
      item = reference(to);
    } else {
      rewrite(item, from, to);
    }
  }
}

}  // namespace

void renameTable(bj::object& source_entry, const pg::QualifiedName& from,
                 const pg::QualifiedName& to) {
  auto tables = source_entry.find("tables");
  if (tables == source_entry.end()) return;
  rewrite(tables->value(), from, to);
}

}  // namespace graft::metadata
