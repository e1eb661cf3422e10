// The resolved metadata: tracked tables and relationships of each source checked against the
// source's catalog, with Hasura's customisations applied by name; what the GraphQL schema is
// generated from. An immutable snapshot: MetadataService builds a new one after every change
// and hands it out as shared_ptr<const Resolved>, so a request keeps the one it started with.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pg/catalog.h"

namespace graft::pg {
class Pool;
}

namespace graft::metadata {

// A configured root field name with its comment (custom_root_fields entries).
struct CustomRootField {
  std::optional<std::string> name;
  std::optional<std::string> comment;
};

struct CustomRootFields {
  CustomRootField select, select_by_pk, select_aggregate, select_stream;
  CustomRootField insert, insert_one, update, update_by_pk, update_many, delete_, delete_by_pk;
};

struct ResolvedColumn {
  const pg::Column* column;            // in the source's catalog
  std::string graphql_name;            // column_config custom_name, or the column name
  std::optional<std::string> comment;  // column_config comment, else the column's comment
  // A single-column foreign key to an enum table (is_enum) makes the column that enum's type:
  // the table's index in ResolvedSource::tables.
  std::optional<size_t> enum_table;
};

// One row of an enum table: its text primary key and the optional description column.
struct EnumTableValue {
  std::string value;
  std::optional<std::string> description;
};

struct ResolvedRelationship {
  std::string name;
  bool is_array = false;
  size_t target = 0;  // index of the remote table in ResolvedSource::tables
  std::vector<std::pair<std::string, std::string>> mapping;  // this table's column → remote's
  std::optional<std::string> comment;
  // Object relationships: whether a row may have no related row. Only one through a foreign
  // key of this table whose columns are all NOT NULL always has one (as Hasura decides).
  bool nullable = true;
  // Manual relationships' insertion_order for nested inserts: "before_parent" (the related
  // row goes in first, as for a foreign key of this table) or "after_parent"; unset otherwise.
  std::optional<std::string> insertion_order = {};
};

// A role's permissions on one table, as the metadata defines them. Filters and checks stay
// boolean expressions over Postgres column and relationship names, with X-Hasura-* session
// variables as operands; the planner compiles them into each statement.
struct SelectPermission {
  std::vector<bool> columns;  // by ResolvedTable::columns index
  std::vector<std::string> computed_fields;
  boost::json::value filter;  // an object; {} lets every row through
  std::optional<int64_t> limit;
  bool allow_aggregations = false;
  // "select", "select_by_pk", "select_aggregate", "select_stream"; absent: all of them.
  std::optional<std::vector<std::string>> query_root_fields;
  std::optional<std::vector<std::string>> subscription_root_fields;
  // Inherited roles only: per column, the filter under which its value shows (null: always),
  // since a parent role may see the column on some rows only; empty when none is needed.
  std::vector<boost::json::value> column_filters;
  // The same for scalar computed fields, by name (absent: always shown).
  std::map<std::string, boost::json::value, std::less<>> computed_field_filters;

  bool allowsRootField(std::string_view kind) const;
};

struct InsertPermission {
  std::vector<bool> columns;
  boost::json::value check;  // over the inserted row
  boost::json::object set;   // column presets: values or session variable names
  bool backend_only = false;
};

struct UpdatePermission {
  std::vector<bool> columns;
  boost::json::value filter;  // which rows may be updated
  boost::json::value check;   // over the updated row; null when absent
  boost::json::object set;
  bool backend_only = false;
};

struct DeletePermission {
  boost::json::value filter;
  bool backend_only = false;
};

struct RolePermissions {
  std::optional<SelectPermission> select;
  std::optional<InsertPermission> insert;
  std::optional<UpdatePermission> update;
  std::optional<DeletePermission> delete_;
};

// A computed field: a function of the row (its first argument, or `table_argument`), giving a
// scalar or, when it returns SETOF a tracked table, rows of that table.
struct ResolvedComputedField {
  std::string name;
  const pg::Function* function;
  std::optional<size_t> table;  // SETOF a tracked table: its index in ResolvedSource::tables
  size_t row_argument = 0;      // which argument takes the row
  std::optional<size_t> session_argument;  // which argument takes the session (json)
  std::optional<std::string> comment;
};

// A tracked function returning SETOF a tracked table, served as query_root fields.
struct ResolvedFunction {
  const pg::Function* function;
  std::string graphql_name;  // custom_name, the name in public, else <schema>_<name>
  size_t table;              // the returned table's index in ResolvedSource::tables
  std::optional<size_t> session_argument;
  std::optional<std::string> comment;
};

struct ResolvedTable {
  const pg::Table* table;  // in the source's catalog
  std::optional<std::string> custom_name;
  CustomRootFields root_fields;
  std::vector<ResolvedColumn> columns;              // catalog order
  std::vector<ResolvedRelationship> relationships;  // object ones first, metadata order
  bool is_enum = false;
  std::vector<EnumTableValue> enum_values;  // is_enum tables: the rows, ordered by value
  std::map<std::string, RolePermissions, std::less<>> permissions;  // by role
  std::vector<ResolvedComputedField> computed_fields;

  const ResolvedColumn* findColumn(std::string_view pg_name) const;
  // The role's permissions; null when it has none on this table.
  const RolePermissions* permissionsOf(std::string_view role) const;
};

struct ResolvedSource {
  std::string name;
  std::shared_ptr<pg::Pool> pool;
  std::shared_ptr<const pg::Catalog> catalog;
  std::vector<ResolvedTable> tables;  // metadata order
  std::vector<ResolvedFunction> functions = {};
};

struct Resolved {
  long resource_version = 0;
  std::vector<ResolvedSource> sources;
};

// Inherited roles (metadata inherited_roles: [{role_name, role_set}]): each gets, on every
// table, the select permission its parents' combine into (the union of their columns, the OR
// of their filters, a column shown on a row only when a parent allowing it sees that row).
// Roles that inherit from inherited roles resolve through them; cycles are ignored.
void resolveInheritedRoles(const boost::json::object& metadata, Resolved& resolved);

// The SELECT that reads an enum table's values (text primary key, then the other column if
// any, as text), ordered by value.
std::string enumValuesQuery(const ResolvedTable& table);

// Resolves one source entry of consistent metadata (inconsistent objects already dropped).
// Objects that still do not resolve are skipped: the consistency check reports them.
ResolvedSource resolveSource(const boost::json::object& source_entry, std::string name,
                             std::shared_ptr<pg::Pool> pool,
                             std::shared_ptr<const pg::Catalog> catalog);

}  // namespace graft::metadata
