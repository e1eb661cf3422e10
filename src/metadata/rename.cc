#include "metadata/rename.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <optional>

#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

std::vector<std::pair<pg::QualifiedName, pg::QualifiedName>> renamedTables(
    const TableShapes& before, const pg::Catalog& after) {
  std::vector<std::pair<pg::QualifiedName, pg::QualifiedName>> out;
  for (const pg::Table& table : after.tables()) {
    if (table.oid == 0) continue;
    auto old = before.find(table.oid);
    if (old != before.end() && !(old->second.name == table.name)) {
      out.emplace_back(old->second.name, table.name);
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

TableShapes tableShapes(const pg::Catalog& catalog) {
  TableShapes shapes;
  for (const pg::Table& table : catalog.tables()) {
    if (table.oid == 0) continue;
    TableShape& shape = shapes[table.oid];
    shape.name = table.name;
    for (const pg::Column& column : table.columns)
      shape.columns.emplace(column.position, column.name);
  }
  return shapes;
}

std::vector<std::pair<pg::QualifiedName, ColumnRenames>> renamedColumns(const TableShapes& before,
                                                                        const pg::Catalog& after) {
  std::vector<std::pair<pg::QualifiedName, ColumnRenames>> out;
  for (const pg::Table& table : after.tables()) {
    auto shape = before.find(table.oid);
    if (table.oid == 0 || shape == before.end()) continue;
    ColumnRenames renames;
    // Postgres never reuses an attnum, so the same one under another name is a rename.
    for (const pg::Column& column : table.columns) {
      auto old = shape->second.columns.find(column.position);
      if (old != shape->second.columns.end() && old->second != column.name) {
        renames.emplace(old->second, column.name);
      }
    }
    if (!renames.empty()) out.emplace_back(table.name, std::move(renames));
  }
  return out;
}

namespace {

constexpr int kMaxDepth = 64;

bool isColumnComparison(std::string_view op) {
  return op == "_ceq" || op == "_cne" || op == "_cgt" || op == "_clt" || op == "_cge" ||
         op == "_cle";
}

std::optional<pg::QualifiedName> tableOf(const bj::value& reference) {
  auto name = parseTableName(reference, "$");
  if (!name) return std::nullopt;
  return *name;
}

bj::object* member(bj::object& object, std::string_view key) {
  bj::value* value = object.if_contains(key);
  return value != nullptr && value->is_object() ? &value->as_object() : nullptr;
}

// One rename of a table's columns, applied to a source entry.
class ColumnRenamer {
 public:
  ColumnRenamer(bj::object& source, const pg::Catalog& catalog, const pg::QualifiedName& table,
                const ColumnRenames& renames)
      : source_(source), catalog_(catalog), table_(table), renames_(renames) {}

  void run() {
    bj::value* tables = source_.if_contains("tables");
    if (tables == nullptr || !tables->is_array()) return;
    // Relationships first: the boolean expressions then find where each leads by the
    // relationships' (renamed) columns.
    for (bj::value& entry : tables->as_array()) {
      if (entry.is_object()) relationships(entry.as_object());
    }
    for (bj::value& entry : tables->as_array()) {
      if (!entry.is_object()) continue;
      auto name = tableOf(entry.as_object()["table"]);
      if (name) tableEntry(entry.as_object(), *name);
    }
  }

 private:
  void renameString(bj::value& value) const {
    if (!value.is_string()) return;
    auto found = renames_.find(std::string(value.as_string()));
    if (found != renames_.end()) value = found->second;
  }

  void renameList(bj::value* value) const {
    if (value == nullptr || !value->is_array()) return;
    for (bj::value& item : value->as_array()) renameString(item);
  }

  void renameKeys(bj::object* object) const {
    if (object == nullptr) return;
    if (std::ranges::none_of(
            *object, [&](const auto& kv) { return renames_.contains(std::string(kv.key())); })) {
      return;
    }
    bj::object renamed(object->storage());
    for (auto& [key, value] : *object) {
      auto found = renames_.find(std::string(key));
      renamed[found != renames_.end() ? found->second : std::string(key)] = std::move(value);
    }
    *object = std::move(renamed);
  }

  void renameValues(bj::object* object) const {
    if (object == nullptr) return;
    for (auto& [key, value] : *object) renameString(value);
  }

  // The columns a relationship names: its own table's, or (with "table") the remote's.
  void relationships(bj::object& entry) {
    auto name = tableOf(entry["table"]);
    if (!name) return;
    bool ours = *name == table_;
    for (const char* kind : {"object_relationships", "array_relationships"}) {
      bj::value* list = entry.if_contains(kind);
      if (list == nullptr || !list->is_array()) continue;
      for (bj::value& relationship : list->as_array()) {
        if (!relationship.is_object()) continue;
        bj::object* using_ = member(relationship.as_object(), "using");
        if (using_ == nullptr) continue;
        if (bj::value* key = using_->if_contains("foreign_key_constraint_on")) {
          if (key->is_string()) {
            if (ours) renameString(*key);
          } else if (key->is_object()) {
            bj::object& on = key->as_object();
            bj::value* remote = on.if_contains("table");
            bool columns_here = remote == nullptr ? ours : tableOf(*remote) == table_;
            if (columns_here) {
              if (bj::value* column = on.if_contains("column")) renameString(*column);
              renameList(on.if_contains("columns"));
            }
          }
        }
        if (bj::object* manual = member(*using_, "manual_configuration")) {
          bj::object* mapping = member(*manual, "column_mapping");
          bj::value* remote = manual->if_contains("remote_table");
          if (remote != nullptr && tableOf(*remote) == table_) renameValues(mapping);
          if (ours) renameKeys(mapping);
        }
      }
    }
  }

  void tableEntry(bj::object& entry, const pg::QualifiedName& name) {
    bool ours = name == table_;
    if (ours) {
      if (bj::object* configuration = member(entry, "configuration")) {
        renameKeys(member(*configuration, "column_config"));
        renameKeys(member(*configuration, "custom_column_names"));
      }
    }
    for (const char* kind :
         {"select_permissions", "insert_permissions", "update_permissions", "delete_permissions"}) {
      bj::value* list = entry.if_contains(kind);
      if (list == nullptr || !list->is_array()) continue;
      for (bj::value& item : list->as_array()) {
        if (!item.is_object()) continue;
        bj::object* permission = member(item.as_object(), "permission");
        if (permission == nullptr) continue;
        if (ours) {
          renameList(permission->if_contains("columns"));
          renameKeys(member(*permission, "set"));
        }
        for (const char* expression : {"filter", "check"}) {
          if (bj::value* exp = permission->if_contains(expression)) boolExp(*exp, name, name, 0);
        }
      }
    }
    if (!ours) return;
    if (bj::value* triggers = entry.if_contains("event_triggers");
        triggers && triggers->is_array()) {
      for (bj::value& trigger : triggers->as_array()) {
        if (!trigger.is_object()) continue;
        bj::object* definition = member(trigger.as_object(), "definition");
        if (definition == nullptr) continue;
        for (const char* operation : {"insert", "update", "delete"}) {
          if (bj::object* spec = member(*definition, operation)) {
            renameList(spec->if_contains("columns"));
          }
        }
      }
    }
    if (bj::value* remotes = entry.if_contains("remote_relationships");
        remotes && remotes->is_array()) {
      for (bj::value& remote : remotes->as_array()) {
        if (!remote.is_object()) continue;
        bj::object* definition = member(remote.as_object(), "definition");
        if (definition == nullptr) continue;
        renameList(definition->if_contains("hasura_fields"));
        if (bj::object* schema = member(*definition, "to_remote_schema")) {
          renameList(schema->if_contains("lhs_fields"));
        }
        if (bj::object* to_source = member(*definition, "to_source")) {
          renameKeys(member(*to_source, "field_mapping"));
        }
      }
    }
  }

  // Where relationship `name` of table `at` leads, from its tracked entry.
  std::optional<pg::QualifiedName> relationshipTarget(const pg::QualifiedName& at,
                                                      std::string_view name) {
    bj::object* entry = trackedEntry(source_, at);
    if (entry == nullptr) return std::nullopt;
    bj::object* relationship = findRelationship(*entry, name);
    if (relationship == nullptr) return std::nullopt;
    bj::object* using_ = member(*relationship, "using");
    if (using_ == nullptr) return std::nullopt;
    if (bj::object* manual = member(*using_, "manual_configuration")) {
      bj::value* remote = manual->if_contains("remote_table");
      return remote != nullptr ? tableOf(*remote) : std::nullopt;
    }
    bj::value* key = using_->if_contains("foreign_key_constraint_on");
    if (key == nullptr) return std::nullopt;
    std::vector<std::string> columns;
    if (key->is_string()) {
      columns.emplace_back(key->as_string());
    } else if (key->is_object()) {
      bj::object& on = key->as_object();
      if (bj::value* remote = on.if_contains("table")) return tableOf(*remote);
      if (bj::value* column = on.if_contains("column"); column && column->is_string()) {
        columns.emplace_back(column->as_string());
      }
      if (bj::value* list = on.if_contains("columns"); list && list->is_array()) {
        for (const bj::value& column : list->as_array()) {
          if (column.is_string()) columns.emplace_back(column.as_string());
        }
      }
    }
    // A key on this table: the foreign key over exactly those columns.
    const pg::Table* table = catalog_.findTable(at);
    if (table == nullptr || columns.empty()) return std::nullopt;
    for (const pg::ForeignKey& foreign : table->foreign_keys) {
      if (foreign.column_mapping.size() != columns.size()) continue;
      bool same = std::ranges::all_of(foreign.column_mapping, [&](const auto& pair) {
        return std::ranges::find(columns, pair.first) != columns.end();
      });
      if (same) return foreign.referenced;
    }
    return std::nullopt;
  }

  void comparisons(bj::value& operators, const pg::QualifiedName& at,
                   const pg::QualifiedName& root) {
    if (!operators.is_object()) return;
    for (auto& [op, operand] : operators.as_object()) {
      if (!isColumnComparison(op)) continue;
      if (operand.is_string() && at == table_) renameString(operand);
      // ["$", "column"]: a column of the table the permission is on.
      if (operand.is_array() && operand.as_array().size() == 2 && operand.as_array()[0] == "$" &&
          root == table_) {
        renameString(operand.as_array()[1]);
      }
    }
  }

  void boolExp(bj::value& exp, const pg::QualifiedName& at, const pg::QualifiedName& root,
               int depth) {
    if (!exp.is_object() || depth > kMaxDepth) return;
    bj::object& object = exp.as_object();
    for (auto& [key, value] : object) {
      if (key == "_and" || key == "_or") {
        if (value.is_array()) {
          for (bj::value& item : value.as_array()) boolExp(item, at, root, depth + 1);
        }
      } else if (key == "_not") {
        boolExp(value, at, root, depth + 1);
      } else if (key == "_exists") {
        if (!value.is_object()) continue;
        bj::value* where = value.as_object().if_contains("_where");
        bj::value* other = value.as_object().if_contains("_table");
        auto target = other != nullptr ? tableOf(*other) : std::nullopt;
        if (where != nullptr && target) boolExp(*where, *target, root, depth + 1);
      } else if (at == table_ && renames_.contains(std::string(key))) {
        comparisons(value, at, root);
      } else if (auto target = relationshipTarget(at, key)) {
        boolExp(value, *target, root, depth + 1);
      } else {
        comparisons(value, at, root);  // a column that keeps its name
      }
    }
    if (at == table_) renameKeys(&object);
  }

  bj::object& source_;
  const pg::Catalog& catalog_;
  const pg::QualifiedName& table_;
  const ColumnRenames& renames_;
};

}  // namespace

void renameColumns(bj::object& source_entry, const pg::Catalog& catalog,
                   const pg::QualifiedName& table, const ColumnRenames& renames) {
  ColumnRenamer(source_entry, catalog, table, renames).run();
}

}  // namespace graft::metadata
