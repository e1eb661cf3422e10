#include "metadata/resolved.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <set>
#include <unordered_map>

#include "metadata/relationship_commands.h"
#include "metadata/table_commands.h"
#include "pg/quote.h"

namespace graft::metadata {

namespace bj = boost::json;

const ResolvedColumn* ResolvedTable::findColumn(std::string_view pg_name) const {
  for (const ResolvedColumn& column : columns) {
    if (column.column->name == pg_name) return &column;
  }
  return nullptr;
}

const RolePermissions* ResolvedTable::permissionsOf(std::string_view role) const {
  auto found = permissions.find(role);
  return found == permissions.end() ? nullptr : &found->second;
}

bool SelectPermission::allowsRootField(std::string_view kind) const {
  if (!query_root_fields) return true;
  return std::ranges::find(*query_root_fields, kind) != query_root_fields->end();
}

namespace {

std::optional<std::string> stringAt(const bj::object& object, std::string_view key) {
  auto found = object.find(key);
  if (found == object.end() || !found->value().is_string()) return std::nullopt;
  return std::string(found->value().as_string());
}

// An entry of custom_root_fields: "name" or {"name": ..., "comment": ...}.
CustomRootField rootField(const bj::object& fields, std::string_view key) {
  CustomRootField out;
  auto found = fields.find(key);
  if (found == fields.end()) return out;
  if (found->value().is_string()) {
    out.name = std::string(found->value().as_string());
  } else if (found->value().is_object()) {
    out.name = stringAt(found->value().as_object(), "name");
    out.comment = stringAt(found->value().as_object(), "comment");
  }
  return out;
}

void readConfiguration(const bj::object& entry, ResolvedTable& table) {
  auto configuration = entry.find("configuration");
  if (configuration == entry.end() || !configuration->value().is_object()) return;
  const bj::object& config = configuration->value().as_object();
  table.custom_name = stringAt(config, "custom_name");
  if (auto fields = config.find("custom_root_fields");
      fields != config.end() && fields->value().is_object()) {
    const bj::object& f = fields->value().as_object();
    CustomRootFields& r = table.root_fields;
    r.select = rootField(f, "select");
    r.select_by_pk = rootField(f, "select_by_pk");
    r.select_aggregate = rootField(f, "select_aggregate");
    r.select_stream = rootField(f, "select_stream");
    r.insert = rootField(f, "insert");
    r.insert_one = rootField(f, "insert_one");
    r.update = rootField(f, "update");
    r.update_by_pk = rootField(f, "update_by_pk");
    r.update_many = rootField(f, "update_many");
    r.delete_ = rootField(f, "delete");
    r.delete_by_pk = rootField(f, "delete_by_pk");
  }
  // column_config wins over the legacy custom_column_names.
  if (auto names = config.find("custom_column_names");
      names != config.end() && names->value().is_object()) {
    for (const auto& [column, name] : names->value().as_object()) {
      for (ResolvedColumn& c : table.columns) {
        if (c.column->name == column && name.is_string()) c.graphql_name = name.as_string();
      }
    }
  }
  if (auto column_config = config.find("column_config");
      column_config != config.end() && column_config->value().is_object()) {
    for (const auto& [column, settings] : column_config->value().as_object()) {
      if (!settings.is_object()) continue;
      for (ResolvedColumn& c : table.columns) {
        if (c.column->name != column) continue;
        if (auto name = stringAt(settings.as_object(), "custom_name")) c.graphql_name = *name;
        if (auto comment = stringAt(settings.as_object(), "comment")) c.comment = *comment;
      }
    }
  }
}

// `columns`: "*" or a list of names; which of the table's columns it names. Absent, it means
// none, or all where Hasura reads it so (insert permissions of the v1 API).
std::vector<bool> permittedColumns(const ResolvedTable& table, const bj::object& permission,
                                   bool absent_means_all = false) {
  std::vector<bool> out(table.columns.size(), false);
  auto columns = permission.find("columns");
  if (columns == permission.end()) {
    if (absent_means_all) out.assign(table.columns.size(), true);
    return out;
  }
  bool all = columns->value().is_string() && columns->value().as_string() == "*";
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (all) {
      out[c] = true;
      continue;
    }
    if (!columns->value().is_array()) continue;
    for (const bj::value& name : columns->value().as_array()) {
      if (name.is_string() && name.as_string() == table.columns[c].column->name) out[c] = true;
    }
  }
  return out;
}

std::optional<std::vector<std::string>> stringList(const bj::object& object, std::string_view key) {
  auto found = object.find(key);
  if (found == object.end() || !found->value().is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const bj::value& item : found->value().as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

bj::value objectAt(const bj::object& object, std::string_view key, bj::value fallback) {
  auto found = object.find(key);
  if (found == object.end() || !found->value().is_object()) return fallback;
  return found->value();
}

bool flagAt(const bj::object& object, std::string_view key) {
  auto found = object.find(key);
  return found != object.end() && found->value().is_bool() && found->value().as_bool();
}

// <kind>_permissions of a table entry: [{role, permission: {...}}].
void readPermissions(const bj::object& entry, ResolvedTable& table) {
  auto each = [&](std::string_view key, auto&& read) {
    auto list = entry.find(key);
    if (list == entry.end() || !list->value().is_array()) return;
    for (const bj::value& item : list->value().as_array()) {
      if (!item.is_object()) continue;
      auto role = stringAt(item.as_object(), "role");
      auto permission = item.as_object().find("permission");
      if (!role || permission == item.as_object().end() || !permission->value().is_object()) {
        continue;
      }
      read(table.permissions[*role], permission->value().as_object());
    }
  };
  each("select_permissions", [&](RolePermissions& out, const bj::object& p) {
    SelectPermission select;
    select.columns = permittedColumns(table, p);
    select.computed_fields = stringList(p, "computed_fields").value_or(std::vector<std::string>{});
    select.filter = objectAt(p, "filter", bj::object());
    if (auto limit = p.find("limit"); limit != p.end() && limit->value().is_int64()) {
      select.limit = limit->value().as_int64();
    }
    select.allow_aggregations = flagAt(p, "allow_aggregations");
    select.query_root_fields = stringList(p, "query_root_fields");
    select.subscription_root_fields = stringList(p, "subscription_root_fields");
    out.select = std::move(select);
  });
  each("insert_permissions", [&](RolePermissions& out, const bj::object& p) {
    InsertPermission insert;
    insert.columns = permittedColumns(table, p, /*absent_means_all=*/true);
    insert.check = objectAt(p, "check", bj::object());
    insert.set = objectAt(p, "set", bj::object()).as_object();
    insert.backend_only = flagAt(p, "backend_only");
    out.insert = std::move(insert);
  });
  each("update_permissions", [&](RolePermissions& out, const bj::object& p) {
    UpdatePermission update;
    update.columns = permittedColumns(table, p);
    update.filter = objectAt(p, "filter", bj::object());
    update.check = objectAt(p, "check", nullptr);
    update.set = objectAt(p, "set", bj::object()).as_object();
    update.backend_only = flagAt(p, "backend_only");
    out.update = std::move(update);
  });
  each("delete_permissions", [&](RolePermissions& out, const bj::object& p) {
    out.delete_ = DeletePermission{objectAt(p, "filter", bj::object()), flagAt(p, "backend_only")};
  });
}

std::optional<size_t> indexOf(const std::vector<ResolvedTable>& tables,
                              const pg::QualifiedName& name) {
  for (size_t i = 0; i < tables.size(); ++i) {
    if (tables[i].table->name == name) return i;
  }
  return std::nullopt;
}

const pg::Function* findFunction(const pg::Catalog& catalog, const pg::QualifiedName& name) {
  for (const pg::Function& function : catalog.functions()) {
    if (function.name == name) return &function;
  }
  return nullptr;
}

// The position of the argument called `name`; nullopt when there is none.
std::optional<size_t> argumentNamed(const pg::Function& function, const std::string& name) {
  for (size_t i = 0; i < function.arguments.size(); ++i) {
    if (function.arguments[i].name == name) return i;
  }
  return std::nullopt;
}

// computed_fields: [{name, definition: {function, table_argument?, session_argument?}}].
void readComputedFields(const bj::object& entry, const ResolvedSource& source,
                        ResolvedTable& table) {
  auto list = entry.find("computed_fields");
  if (list == entry.end() || !list->value().is_array()) return;
  for (const bj::value& item : list->value().as_array()) {
    if (!item.is_object()) continue;
    auto name = stringAt(item.as_object(), "name");
    const bj::value* definition = item.as_object().if_contains("definition");
    if (!name || definition == nullptr || !definition->is_object() ||
        !definition->as_object().contains("function")) {
      continue;
    }
    auto function_name = parseTableName(definition->as_object().at("function"), "$");
    if (!function_name) continue;
    const pg::Function* function = findFunction(*source.catalog, *function_name);
    if (function == nullptr || function->arguments.empty()) continue;
    ResolvedComputedField field{*name, function,     std::nullopt,
                                0,     std::nullopt, stringAt(item.as_object(), "comment")};
    if (auto row = stringAt(definition->as_object(), "table_argument")) {
      auto position = argumentNamed(*function, *row);
      if (!position) continue;
      field.row_argument = *position;
    }
    if (auto session = stringAt(definition->as_object(), "session_argument")) {
      field.session_argument = argumentNamed(*function, *session);
      if (!field.session_argument) continue;
    }
    if (function->returns_table) {
      field.table = indexOf(source.tables, function->return_type);
      if (!field.table) continue;  // SETOF an untracked table
    }
    table.computed_fields.push_back(std::move(field));
  }
}

// functions: [{function, configuration: {custom_name?, session_argument?}, comment?}], those
// returning SETOF a tracked table.
void readFunctions(const bj::object& source_entry, ResolvedSource& source) {
  auto list = source_entry.find("functions");
  if (list == source_entry.end() || !list->value().is_array()) return;
  for (const bj::value& item : list->value().as_array()) {
    if (!item.is_object() || !item.as_object().contains("function")) continue;
    auto name = parseTableName(item.as_object().at("function"), "$");
    if (!name) continue;
    const pg::Function* function = findFunction(*source.catalog, *name);
    if (function == nullptr || !function->returns_table || !function->returns_set) continue;
    auto table = indexOf(source.tables, function->return_type);
    if (!table) continue;
    ResolvedFunction resolved{
        function, name->schema == "public" ? name->name : name->schema + "_" + name->name, *table,
        std::nullopt, stringAt(item.as_object(), "comment")};
    if (const bj::value* config = item.as_object().if_contains("configuration");
        config != nullptr && config->is_object()) {
      if (auto custom = stringAt(config->as_object(), "custom_name")) {
        resolved.graphql_name = *custom;
      }
      if (auto session = stringAt(config->as_object(), "session_argument")) {
        resolved.session_argument = argumentNamed(*function, *session);
        if (!resolved.session_argument) continue;
      }
    }
    source.functions.push_back(std::move(resolved));
  }
}

}  // namespace

std::string enumValuesQuery(const ResolvedTable& table) {
  const pg::Table& t = *table.table;
  std::string key = t.primary_key && !t.primary_key->columns.empty()
                        ? t.primary_key->columns.front()
                        : t.columns.front().name;
  std::string description = "NULL";
  for (const pg::Column& column : t.columns) {
    if (column.name != key) description = pg::quoteIdentifier(column.name) + "::text";
  }
  return "SELECT " + pg::quoteIdentifier(key) + "::text, " + description + " FROM " +
         pg::quoteQualified(t.name.schema, t.name.name) + " ORDER BY 1";
}

ResolvedSource resolveSource(const bj::object& source_entry, std::string name,
                             std::shared_ptr<pg::Pool> pool,
                             std::shared_ptr<const pg::Catalog> catalog) {
  ResolvedSource source{std::move(name), std::move(pool), std::move(catalog), {}};
  auto tables = source_entry.find("tables");
  if (tables == source_entry.end() || !tables->value().is_array()) return source;

  std::vector<const bj::object*> entries;
  for (const bj::value& value : tables->value().as_array()) {
    if (!value.is_object()) continue;
    const bj::object& entry = value.as_object();
    auto table_name = entry.find("table");
    if (table_name == entry.end()) continue;
    auto parsed = parseTableName(table_name->value(), "$");
    if (!parsed) continue;
    const pg::Table* table = source.catalog->findTable(*parsed);
    if (table == nullptr) continue;
    ResolvedTable resolved{table, std::nullopt, {}, {}, {}, false, {}, {}, {}};
    for (const pg::Column& column : table->columns) {
      resolved.columns.push_back({&column, column.name, column.comment, std::nullopt});
    }
    readConfiguration(entry, resolved);
    readPermissions(entry, resolved);
    if (auto is_enum = entry.find("is_enum");
        is_enum != entry.end() && is_enum->value().is_bool()) {
      resolved.is_enum = is_enum->value().as_bool();
    }
    source.tables.push_back(std::move(resolved));
    entries.push_back(&entry);
  }

  // Tracked tables by catalog table, for the lookups below (thousands of tables, each with
  // relationships).
  std::unordered_map<const pg::Table*, size_t> positions;
  for (size_t i = 0; i < source.tables.size(); ++i) positions.emplace(source.tables[i].table, i);
  auto trackedIndex = [&](const pg::QualifiedName& name) -> std::optional<size_t> {
    auto found = positions.find(source.catalog->findTable(name));
    if (found == positions.end()) return std::nullopt;
    return found->second;
  };

  // Columns that reference an enum table take its enum type.
  for (ResolvedTable& table : source.tables) {
    for (const pg::ForeignKey& key : table.table->foreign_keys) {
      if (key.column_mapping.size() != 1) continue;
      auto target = trackedIndex(key.referenced);
      if (!target || !source.tables[*target].is_enum) continue;
      for (ResolvedColumn& column : table.columns) {
        if (column.column->name == key.column_mapping.front().first) column.enum_table = *target;
      }
    }
  }

  for (size_t i = 0; i < source.tables.size(); ++i) {
    ResolvedTable& table = source.tables[i];
    for (auto [key, kind] : {std::pair{"object_relationships", RelationshipKind::kObject},
                             std::pair{"array_relationships", RelationshipKind::kArray}}) {
      auto list = entries[i]->find(key);
      if (list == entries[i]->end() || !list->value().is_array()) continue;
      for (const bj::value& value : list->value().as_array()) {
        if (!value.is_object()) continue;
        const bj::object& relationship = value.as_object();
        auto rel_name = stringAt(relationship, "name");
        auto using_ = relationship.find("using");
        if (!rel_name || using_ == relationship.end()) continue;
        auto target =
            resolveUsing(source_entry, *source.catalog, *table.table, kind, using_->value());
        if (!target) continue;
        auto target_index = trackedIndex(target->table);
        if (!target_index) continue;
        bool nullable = true;
        if (kind == RelationshipKind::kObject && target->local_foreign_key) {
          nullable = false;
          for (const auto& [ours, theirs] : target->mapping) {
            const pg::Column* column = table.table->findColumn(ours);
            nullable = nullable || column == nullptr || column->nullable;
          }
        }
        table.relationships.push_back(
            {*rel_name, kind == RelationshipKind::kArray, *target_index, std::move(target->mapping),
             stringAt(relationship, "comment"), nullable, std::move(target->insertion_order)});
      }
    }
    readComputedFields(*entries[i], source, table);
  }
  readFunctions(source_entry, source);
  return source;
}

}  // namespace graft::metadata

namespace graft::metadata {

namespace {

bj::value orOf(std::vector<bj::value> filters) {
  for (const bj::value& filter : filters) {
    if (filter.is_object() && filter.as_object().empty()) return bj::object();
  }
  if (filters.size() == 1) return std::move(filters.front());
  bj::array any;
  for (bj::value& filter : filters) any.push_back(std::move(filter));
  bj::object out;
  out["_or"] = std::move(any);
  return out;
}

// The select permission `parents` combine into on one table; nullopt when none has one.
std::optional<SelectPermission> combine(const ResolvedTable& table,
                                        const std::vector<const SelectPermission*>& parents) {
  if (parents.empty()) return std::nullopt;
  SelectPermission out;
  size_t count = table.columns.size();
  out.columns.assign(count, false);
  std::vector<bj::value> filters;
  bool unlimited = false;
  bool all_root_fields = false;
  std::vector<std::string> root_fields;
  for (const SelectPermission* parent : parents) {
    for (size_t c = 0; c < count; ++c) out.columns[c] = out.columns[c] || parent->columns[c];
    filters.push_back(parent->filter);
    out.allow_aggregations = out.allow_aggregations || parent->allow_aggregations;
    if (!parent->limit) unlimited = true;
    if (parent->limit && (!out.limit || *parent->limit > *out.limit)) out.limit = parent->limit;
    if (!parent->query_root_fields) all_root_fields = true;
    for (const std::string& field :
         parent->query_root_fields.value_or(std::vector<std::string>{})) {
      if (std::ranges::find(root_fields, field) == root_fields.end()) root_fields.push_back(field);
    }
    for (const std::string& field : parent->computed_fields) {
      if (std::ranges::find(out.computed_fields, field) == out.computed_fields.end()) {
        out.computed_fields.push_back(field);
      }
    }
  }
  if (unlimited) out.limit.reset();
  if (!all_root_fields) out.query_root_fields = std::move(root_fields);
  out.filter = orOf(filters);
  bool any_conditional = false;
  out.column_filters.assign(count, nullptr);
  for (size_t c = 0; c < count; ++c) {
    std::vector<bj::value> allowing;
    for (const SelectPermission* parent : parents) {
      if (parent->columns[c]) allowing.push_back(parent->filter);
    }
    if (!out.columns[c] || allowing.size() == parents.size()) continue;
    out.column_filters[c] = orOf(std::move(allowing));
    if (out.column_filters[c].is_object() && out.column_filters[c].as_object().empty()) {
      out.column_filters[c] = nullptr;
    } else {
      any_conditional = true;
    }
  }
  if (!any_conditional) out.column_filters.clear();
  for (const std::string& field : out.computed_fields) {
    std::vector<bj::value> allowing;
    for (const SelectPermission* parent : parents) {
      if (std::ranges::find(parent->computed_fields, field) != parent->computed_fields.end()) {
        allowing.push_back(parent->filter);
      }
    }
    if (allowing.size() == parents.size()) continue;
    bj::value filter = orOf(std::move(allowing));
    if (!(filter.is_object() && filter.as_object().empty())) {
      out.computed_field_filters.emplace(field, std::move(filter));
    }
  }
  return out;
}

}  // namespace

void resolveInheritedRoles(const bj::object& metadata, Resolved& resolved) {
  auto list = metadata.find("inherited_roles");
  if (list == metadata.end() || !list->value().is_array()) return;
  std::map<std::string, std::vector<std::string>> inherited;
  for (const bj::value& entry : list->value().as_array()) {
    if (!entry.is_object()) continue;
    auto name = stringAt(entry.as_object(), "role_name");
    const bj::value* set = entry.as_object().if_contains("role_set");
    if (!name || set == nullptr || !set->is_array()) continue;
    std::vector<std::string>& parents = inherited[*name];
    for (const bj::value& parent : set->as_array()) {
      if (parent.is_string()) parents.emplace_back(parent.as_string());
    }
  }
  // Resolve in dependency order: a role once all of its inherited parents are done.
  std::set<std::string> done;
  for (bool progress = true; progress;) {
    progress = false;
    for (const auto& [role, parents] : inherited) {
      if (done.contains(role)) continue;
      bool ready = std::ranges::all_of(parents, [&](const std::string& parent) {
        return !inherited.contains(parent) || done.contains(parent);
      });
      if (!ready) continue;
      for (ResolvedSource& source : resolved.sources) {
        for (ResolvedTable& table : source.tables) {
          std::vector<const SelectPermission*> selects;
          for (const std::string& parent : parents) {
            const RolePermissions* permissions = table.permissionsOf(parent);
            if (permissions != nullptr && permissions->select) {
              selects.push_back(&*permissions->select);
            }
          }
          // A permission defined for the inherited role itself overrides the combination.
          RolePermissions& own = table.permissions[role];
          if (!own.select) own.select = combine(table, selects);
        }
      }
      done.insert(role);
      progress = true;
    }
  }
}

}  // namespace graft::metadata
