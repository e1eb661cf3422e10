// Generates a role's GraphQL schema from the resolved metadata, with Hasura's names, types
// and descriptions (query_root, <table>, <table>_by_pk, <table>_aggregate, <table>_bool_exp,
// <table>_order_by, ...): the tables, columns, relationships and root fields the role's
// permissions allow, so that whatever else exists is unknown to its queries and introspection.
#include <algorithm>

#include "graphql/type_registry.h"
#include "schema/builder.h"
#include "schema/scalar_input.h"

namespace graft::schema {

std::string_view aggregateOperatorName(AggregateOperator op) {
  static constexpr std::string_view kNames[] = {"sum",      "avg",        "max",         "min",
                                                "stddev",   "stddev_pop", "stddev_samp", "var_pop",
                                                "var_samp", "variance"};
  return kNames[static_cast<int>(op)];
}

const metadata::SelectPermission* RoleSchema::selectPermission(uint32_t source,
                                                               uint32_t table) const {
  const metadata::RolePermissions* found = permissions(source, table);
  return found != nullptr && found->select ? &*found->select : nullptr;
}

const metadata::RolePermissions* RoleSchema::permissions(uint32_t source, uint32_t table) const {
  return permissions_.empty() ? nullptr : permissions_[source][table];
}

RoleSchemaBuilder::RoleSchemaBuilder(std::shared_ptr<const metadata::Resolved> resolved,
                                     std::string role, std::shared_ptr<graphql::TypeRegistry> types,
                                     bool backend_only)
    : out_(new RoleSchema()), builder_(types), backend_only_(backend_only) {
  out_->role_ = std::move(role);
  out_->resolved_ = std::move(resolved);
  out_->types_ = std::move(types);
  builder_.setScalarInputCheck(checkScalarInput);
}

Result<void> RoleSchemaBuilder::checkTagLimits() const {
  const metadata::Resolved& resolved = *out_->resolved_;
  bool fits = resolved.sources.size() <= FieldInfo::kMaxSources;
  for (const metadata::ResolvedSource& source : resolved.sources) {
    fits = fits && source.tables.size() <= FieldInfo::kMaxTables &&
           source.functions.size() <= FieldInfo::kMaxIndex;
    for (const metadata::ResolvedTable& table : source.tables) {
      fits = fits && table.columns.size() <= FieldInfo::kMaxIndex &&
             table.relationships.size() <= FieldInfo::kMaxIndex &&
             table.computed_fields.size() <= FieldInfo::kMaxIndex;
    }
  }
  if (fits) return {};
  return std::unexpected(Error::validationFailed(
      "too many sources, tables, functions, columns or relationships for one schema"));
}

Result<std::shared_ptr<const RoleSchema>> RoleSchemaBuilder::build() {
  GRAFT_CHECK(checkTagLimits());
  const metadata::Resolved& resolved = *out_->resolved_;
  builder_.object("query_root");
  out_->names_.resize(resolved.sources.size());
  access_.resize(resolved.sources.size());
  for (uint32_t s = 0; s < resolved.sources.size(); ++s) {
    const metadata::ResolvedSource& source = resolved.sources[s];
    out_->names_[s].resize(source.tables.size());
    for (uint32_t t = 0; t < source.tables.size(); ++t) access_[s].push_back(accessTo(s, t));
  }
  // Each table's permissions for the role, looked up once for the planner (none for admin).
  if (!admin()) {
    out_->permissions_.resize(resolved.sources.size());
    for (uint32_t s = 0; s < resolved.sources.size(); ++s) {
      for (const metadata::ResolvedTable& table : resolved.sources[s].tables) {
        out_->permissions_[s].push_back(table.permissionsOf(out_->role_));
      }
    }
  }
  for (uint32_t s = 0; s < resolved.sources.size(); ++s) {
    for (uint32_t t = 0; t < access_[s].size(); ++t) {
      access_[s][t].any_column =
          std::ranges::find(access_[s][t].columns, true) != access_[s][t].columns.end();
    }
    for (uint32_t t = 0; t < access_[s].size(); ++t) access_[s][t].orderable = orderable(s, t);
  }
  for (uint32_t s = 0; s < resolved.sources.size(); ++s) {
    for (uint32_t t = 0; t < resolved.sources[s].tables.size(); ++t) addTable(s, t);
    addFunctions(s);
  }
  if (!any_root_field_) {
    builder_.existing("query_root")
        ->field("no_queries_available", "String!", {}, tag({FieldKind::kPlaceholder}));
  }
  addOrderByEnum();
  builder_.setRootTypes("query_root", any_mutation_ ? "mutation_root" : "");
  GRAFT_TRY(out_->schema_, builder_.build());
  return std::shared_ptr<const RoleSchema>(std::move(out_));
}

RoleSchemaBuilder::TableAccess RoleSchemaBuilder::accessTo(uint32_t s, uint32_t t) const {
  const metadata::ResolvedTable& info = table(s, t);
  const pg::Table& pg_table = *info.table;
  size_t count = info.columns.size();
  TableAccess access;
  access.insert_columns.assign(count, false);
  access.update_columns.assign(count, false);
  bool has_pk = pg_table.primary_key.has_value();
  if (admin()) {
    access.select = access.aggregations = true;
    access.columns.assign(count, true);
    access.root_list = access.root_aggregate = true;
    access.root_by_pk = has_pk;
    for (size_t c = 0; c < count; ++c) {
      bool can = writable(*info.columns[c].column);
      access.insert_columns[c] = can && pg_table.insertable;
      access.update_columns[c] = can && pg_table.updatable;
    }
    access.insert = std::ranges::find(access.insert_columns, true) != access.insert_columns.end();
    access.update = std::ranges::find(access.update_columns, true) != access.update_columns.end();
    access.delete_ = pg_table.deletable;
    access.upsert = access.insert;
    return access;
  }
  access.columns.assign(count, false);
  const metadata::RolePermissions* permissions = info.permissionsOf(out_->role_);
  if (permissions == nullptr) return access;
  if (const auto& select = permissions->select) {
    access.select = true;
    access.columns = select->columns;
    access.aggregations = select->allow_aggregations;
    access.root_list = select->allowsRootField("select");
    access.root_aggregate = access.aggregations && select->allowsRootField("select_aggregate");
    access.root_by_pk = has_pk && select->allowsRootField("select_by_pk");
    for (const std::string& key :
         has_pk ? pg_table.primary_key->columns : std::vector<std::string>{}) {
      for (size_t c = 0; c < count; ++c) {
        if (info.columns[c].column->name == key && !access.columns[c]) access.root_by_pk = false;
      }
    }
  }
  // Writable columns the permission lists, less those it presets.
  auto writableBy = [&](const std::vector<bool>& listed, const boost::json::object& set,
                        std::vector<bool>& out) {
    bool any = false;
    for (size_t c = 0; c < count; ++c) {
      const pg::Column& column = *info.columns[c].column;
      out[c] = listed[c] && writable(column) && !set.contains(column.name);
      any = any || out[c];
    }
    return any;
  };
  // Backend-only permissions count only for requests that ask for them.
  if (const auto& insert = permissions->insert;
      insert && (!insert->backend_only || backend_only_)) {
    access.insert =
        pg_table.insertable && writableBy(insert->columns, insert->set, access.insert_columns);
  }
  // Update and delete filter their rows with the select permission's boolean expression
  // type, so they need one, as in Hasura.
  if (const auto& update = permissions->update;
      update && (!update->backend_only || backend_only_)) {
    access.update = access.select && pg_table.updatable &&
                    writableBy(update->columns, update->set, access.update_columns);
  }
  if (const auto& delete_ = permissions->delete_;
      delete_ && (!delete_->backend_only || backend_only_)) {
    access.delete_ = access.select && pg_table.deletable;
  }
  access.upsert = access.insert && access.update;
  return access;
}

const metadata::ResolvedTable& RoleSchemaBuilder::table(uint32_t s, uint32_t t) const {
  return out_->resolved_->sources[s].tables[t];
}

std::string RoleSchemaBuilder::baseName(const metadata::ResolvedTable& table) {
  if (table.custom_name) return *table.custom_name;
  const pg::QualifiedName& name = table.table->name;
  return name.schema == "public" ? name.name : name.schema + "_" + name.name;
}

std::string RoleSchemaBuilder::quotedTable(const metadata::ResolvedTable& table) {
  return "\"" + table.table->name.display() + "\"";
}

void RoleSchemaBuilder::listArguments(graphql::ArgumentsBuilder args, uint32_t s, uint32_t t) {
  std::string base = baseName(table(s, t));
  const TableAccess& allowed = access(s, t);
  if (allowed.any_column) {
    args.argument("distinct_on", "[" + base + "_select_column!]", "distinct select on columns");
  }
  args.argument("limit", "Int", "limit the number of rows returned")
      .argument("offset", "Int", "skip the first n rows. Use only with order_by");
  if (allowed.orderable) {
    args.argument("order_by", "[" + base + "_order_by!]", "sort the rows by one or more columns");
  }
  args.argument("where", base + "_bool_exp", "filter the rows returned");
}

bool RoleSchemaBuilder::orderable(uint32_t s, uint32_t t) const {
  const TableAccess& allowed = access(s, t);
  if (allowed.any_column) return true;
  const metadata::ResolvedTable& info = table(s, t);
  for (const metadata::ResolvedRelationship& rel : info.relationships) {
    const TableAccess& target = access(s, static_cast<uint32_t>(rel.target));
    // An object relationship orders by the target's columns (the same test as addTable's).
    if (rel.is_array ? target.aggregations : target.any_column) return true;
  }
  for (const metadata::ResolvedComputedField& field : info.computed_fields) {
    if (field.table || !computedFieldAllowed(s, t, field.name)) continue;
    bool extra = false;
    for (size_t i = 0; i < field.function->arguments.size(); ++i) {
      extra = extra || (i != field.row_argument && i != field.session_argument);
    }
    if (!extra) return true;
  }
  return false;
}

void RoleSchemaBuilder::addTable(uint32_t s, uint32_t t) {
  const metadata::ResolvedTable& info = table(s, t);
  const TableAccess& allowed = access(s, t);
  std::string base = baseName(info);
  std::string quoted = quotedTable(info);
  TableNames& names = out_->names_[s][t];

  // Column scalars are needed for inserts and updates even where the role cannot select.
  std::vector<ScalarInfo> scalars;
  for (const metadata::ResolvedColumn& column : info.columns) {
    ScalarInfo scalar = scalarOf(*column.column);
    if (column.enum_table) {
      const metadata::ResolvedTable& enum_table =
          table(s, static_cast<uint32_t>(*column.enum_table));
      if (ensureEnum(enum_table))
        scalar = ScalarInfo{baseName(enum_table) + "_enum", false, false, false, false, true};
    }
    scalars.push_back(std::move(scalar));
  }
  if (!allowed.select) {
    addMutations(s, t, base, quoted, scalars);
    return;
  }

  // The row type.
  auto row = builder_.object(base);
  row.description(info.table->comment ? *info.table->comment
                                      : "columns and relationships of " + quoted);
  for (uint32_t c = 0; c < info.columns.size(); ++c) {
    if (!allowed.columns[c]) continue;
    const metadata::ResolvedColumn& column = info.columns[c];
    ensureScalar(scalars[c].name);
    names.columns.emplace(column.graphql_name, c);
    auto field =
        row.field(column.graphql_name, scalars[c].name + (column.column->nullable ? "" : "!"),
                  column.comment.value_or(""), tag({FieldKind::kColumn, s, t, c}));
    const std::string& type = column.column->type_name.name;
    if (type == "json" || type == "jsonb") field.argument("path", "String", "JSON select path");
  }
  // Relationships to tables the role can select.
  std::vector<uint32_t> relationships;
  for (uint32_t r = 0; r < info.relationships.size(); ++r) {
    const metadata::ResolvedRelationship& rel = info.relationships[r];
    const TableAccess& target_access = access(s, static_cast<uint32_t>(rel.target));
    if (!target_access.select) continue;
    relationships.push_back(r);
    std::string target = baseName(table(s, static_cast<uint32_t>(rel.target)));
    names.relationships.emplace(rel.name, r);
    if (!rel.is_array) {
      row.field(rel.name, target + (rel.nullable ? "" : "!"),
                rel.comment.value_or("An object relationship"),
                tag({FieldKind::kObjectRelationship, s, t, r}));
      continue;
    }
    listArguments(
        row.field(rel.name, "[" + target + "!]!", rel.comment.value_or("An array relationship"),
                  tag({FieldKind::kArrayRelationship, s, t, r})),
        s, static_cast<uint32_t>(rel.target));
    if (!target_access.aggregations) continue;
    listArguments(row.field(rel.name + "_aggregate", target + "_aggregate!",
                            rel.comment.value_or("An aggregate relationship"),
                            tag({FieldKind::kArrayAggregate, s, t, r})),
                  s, static_cast<uint32_t>(rel.target));
  }

  addComputedFields(s, t, row);
  // Scalar computed fields without arguments filter and order like columns.
  std::vector<std::pair<std::string, ScalarInfo>> computed;
  std::vector<std::pair<std::string, std::string>> computed_rows;  // name, target bool_exp
  for (const metadata::ResolvedComputedField& field : info.computed_fields) {
    if (!names.computed_fields.contains(field.name)) continue;
    if (field.table) {
      computed_rows.emplace_back(
          field.name, baseName(table(s, static_cast<uint32_t>(*field.table))) + "_bool_exp");
    } else {
      computed.emplace_back(field.name, scalarOf(columnOfType(field.function->return_type)));
    }
  }

  // <base>_select_column
  if (allowed.any_column) {
    auto select_column = builder_.enumType(base + "_select_column");
    select_column.description("select columns of table " + quoted);
    for (uint32_t c = 0; c < info.columns.size(); ++c) {
      if (allowed.columns[c]) select_column.value(info.columns[c].graphql_name, "column name");
    }
  }

  // <base>_bool_exp
  auto bool_exp = builder_.inputObject(base + "_bool_exp");
  bool_exp.description("Boolean expression to filter rows from the table " + quoted +
                       ". All fields are combined with a logical 'AND'.");
  bool_exp.inputField("_and", "[" + base + "_bool_exp!]")
      .inputField("_not", base + "_bool_exp")
      .inputField("_or", "[" + base + "_bool_exp!]");
  for (uint32_t c = 0; c < info.columns.size(); ++c) {
    if (allowed.columns[c]) {
      bool_exp.inputField(info.columns[c].graphql_name, comparisonType(scalars[c]));
    }
  }
  for (uint32_t r : relationships) {
    const metadata::ResolvedRelationship& rel = info.relationships[r];
    uint32_t target_index = static_cast<uint32_t>(rel.target);
    std::string target = baseName(table(s, target_index));
    bool_exp.inputField(rel.name, target + "_bool_exp");
    // Aggregate predicates: articles_aggregate: {count: {predicate: {_gt: 2}}}.
    if (rel.is_array && access(s, target_index).aggregations) {
      bool_exp.inputField(rel.name + "_aggregate", aggregateBoolExp(s, target_index));
    }
  }
  for (const auto& [name, scalar] : computed) bool_exp.inputField(name, comparisonType(scalar));
  for (const auto& [name, type] : computed_rows) bool_exp.inputField(name, type);

  // <base>_order_by
  if (allowed.orderable) {
    auto order_by = builder_.inputObject(base + "_order_by");
    order_by.description("Ordering options when selecting data from " + quoted + ".");
    for (uint32_t c = 0; c < info.columns.size(); ++c) {
      if (allowed.columns[c]) order_by.inputField(info.columns[c].graphql_name, "order_by");
    }
    for (uint32_t r : relationships) {
      const metadata::ResolvedRelationship& rel = info.relationships[r];
      uint32_t target_index = static_cast<uint32_t>(rel.target);
      std::string target = baseName(table(s, target_index));
      if (!rel.is_array && access(s, target_index).any_column) {
        order_by.inputField(rel.name, target + "_order_by");
      } else if (rel.is_array && access(s, target_index).aggregations) {
        order_by.inputField(rel.name + "_aggregate", target + "_aggregate_order_by");
      }
    }
    for (const auto& [name, scalar] : computed) order_by.inputField(name, "order_by");
  }

  if (allowed.aggregations) addAggregateTypes(s, t, base, quoted, scalars);
  addMutations(s, t, base, quoted, scalars);
  addRootFields(s, t, base, quoted);
}

std::string RoleSchemaBuilder::aggregateBoolExp(uint32_t s, uint32_t t) {
  std::string base = baseName(table(s, t));
  std::string name = base + "_aggregate_bool_exp";
  if (builder_.existing(name)) return name;
  ScalarInfo integer;
  integer.name = "Int";
  integer.numeric = integer.comparable = true;
  std::string int_exp = comparisonType(integer);
  auto count = builder_.inputObject(name + "_count");
  if (access(s, t).any_column) count.inputField("arguments", "[" + base + "_select_column!]");
  count.inputField("distinct", "Boolean")
      .inputField("filter", base + "_bool_exp")
      .inputField("predicate", int_exp + "!");
  builder_.inputObject(name).inputField("count", name + "_count");
  return name;
}

void RoleSchemaBuilder::addRootFields(uint32_t s, uint32_t t, const std::string& base,
                                      const std::string& quoted) {
  const metadata::ResolvedTable& info = table(s, t);
  const TableAccess& allowed = access(s, t);
  const metadata::CustomRootFields& custom = info.root_fields;
  graphql::TypeBuilder root = *builder_.existing("query_root");
  if (allowed.root_list) {
    any_root_field_ = true;
    listArguments(root.field(custom.select.name.value_or(base), "[" + base + "!]!",
                             custom.select.comment.value_or("fetch data from the table: " + quoted),
                             tag({FieldKind::kSelect, s, t})),
                  s, t);
  }
  if (allowed.root_aggregate) {
    any_root_field_ = true;
    listArguments(
        root.field(custom.select_aggregate.name.value_or(base + "_aggregate"), base + "_aggregate!",
                   custom.select_aggregate.comment.value_or(
                       "fetch aggregated fields from the table: " + quoted),
                   tag({FieldKind::kSelectAggregate, s, t})),
        s, t);
  }
  if (allowed.root_by_pk) {
    any_root_field_ = true;
    auto by_pk =
        root.field(custom.select_by_pk.name.value_or(base + "_by_pk"), base,
                   custom.select_by_pk.comment.value_or("fetch data from the table: " + quoted +
                                                        " using primary key columns"),
                   tag({FieldKind::kSelectByPk, s, t}));
    for (const std::string& key : info.table->primary_key->columns) {
      const metadata::ResolvedColumn* column = info.findColumn(key);
      if (column == nullptr) continue;
      by_pk.argument(column->graphql_name, scalarOf(*column->column).name + "!");
    }
  }
}

Result<std::shared_ptr<const RoleSchema>> buildRoleSchema(
    std::shared_ptr<const metadata::Resolved> resolved, std::string role,
    std::shared_ptr<graphql::TypeRegistry> types, bool backend_only) {
  if (types == nullptr) types = std::make_shared<graphql::TypeRegistry>();
  return RoleSchemaBuilder(std::move(resolved), std::move(role), std::move(types), backend_only)
      .build();
}

}  // namespace graft::schema
