// Catalog: what a source's database holds — tables, views and their kin with columns,
// keys, foreign keys and comments; enum types; functions — read in one round trip as one
// JSON document (as Hasura does). A Catalog is an immutable value once built: share it across
// threads freely. introspect() may be called from any coroutine.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/result.h"

namespace graft::pg {

class Pool;

struct QualifiedName {
  std::string schema;
  std::string name;
  bool operator==(const QualifiedName&) const = default;
  // "schema.name", or just "name" in public (Hasura's way of naming tables in messages).
  std::string display() const;
};

struct Column {
  std::string name;
  int position = 0;
  std::string type;         // format_type(): "integer", "character varying(20)", "text[]"
  QualifiedName type_name;  // pg_type name: int4, varchar, _text, a domain or enum name
  unsigned type_oid = 0;
  char type_kind = 'b';      // pg_type.typtype: b base, c composite, d domain, e enum, r range
  char type_category = 'U';  // pg_type.typcategory: A array, N numeric, S string, ...
  std::optional<std::string> element_type;      // for arrays: the element's pg_type name
  std::optional<std::string> domain_base_type;  // for domains: format_type of the base
  bool nullable = true;
  std::optional<std::string> default_expr;
  std::optional<char> identity;  // 'a' ALWAYS, 'd' BY DEFAULT
  bool generated = false;        // GENERATED ALWAYS AS (...) STORED
  std::optional<std::string> comment;
};

struct KeyConstraint {
  std::string name;
  std::vector<std::string> columns;
};

struct ForeignKey {
  std::string name;
  QualifiedName referenced;
  std::vector<std::pair<std::string, std::string>> column_mapping;  // ours -> theirs
};

enum class RelationKind { kTable, kView, kMaterializedView, kForeignTable, kPartitionedTable };

struct Table {
  QualifiedName name;
  unsigned oid = 0;  // pg_class: follows a table through a rename (0 when not introspected)
  RelationKind kind = RelationKind::kTable;
  std::optional<std::string> comment;
  std::vector<Column> columns;
  std::optional<KeyConstraint> primary_key;
  std::vector<KeyConstraint> unique_constraints;
  std::vector<ForeignKey> foreign_keys;
  bool insertable = false;
  bool updatable = false;
  bool deletable = false;

  const Column* findColumn(std::string_view name) const;
};

struct EnumType {
  QualifiedName name;
  std::vector<std::string> values;
};

struct FunctionArgument {
  std::optional<std::string> name;
  QualifiedName type;
  char type_kind = 'b';  // pg_type.typtype: b base, c composite (a table's row), e enum, ...
  bool has_default = false;
};

struct Function {
  QualifiedName name;
  unsigned oid = 0;
  QualifiedName return_type;
  bool returns_set = false;
  bool returns_table = false;  // the return type is a table's row type
  char volatility = 'v';       // i immutable, s stable, v volatile
  std::vector<FunctionArgument> arguments;
  std::optional<std::string> comment;
};

class Catalog {
 public:
  Catalog() = default;
  Catalog(std::vector<Table> tables, std::vector<EnumType> enums, std::vector<Function> functions);

  const std::vector<Table>& tables() const { return tables_; }
  const std::vector<EnumType>& enums() const { return enums_; }
  const std::vector<Function>& functions() const { return functions_; }

  const Table* findTable(const QualifiedName& name) const;
  // A copy in which the tables named in `asked` are those of `fresh` (a read of just those
  // tables): changed, added, or gone when `fresh` lacks them. Enums are fresh's; functions stay.
  Catalog withTables(const Catalog& fresh, const std::vector<QualifiedName>& asked) const;
  // Foreign keys of other tables that point at `name` (for array relationships).
  std::vector<std::pair<const Table*, const ForeignKey*>> referencing(
      const QualifiedName& name) const;

 private:
  std::vector<Table> tables_;
  std::vector<EnumType> enums_;
  std::vector<Function> functions_;
  std::unordered_map<std::string, size_t> table_index_;  // "schema\0name" -> position
};

class PooledConnection;

// Reads the catalog of every user schema (not pg_*, information_schema or hdb_catalog).
boost::asio::awaitable<Result<Catalog>> introspect(Pool& pool);
// The same on a borrowed connection (inside its transaction, if one is open).
boost::asio::awaitable<Result<Catalog>> introspect(PooledConnection& connection);

// Reads only the named tables and views (with every enum type, and no functions): what
// Catalog::withTables needs to bring those tables of a known catalog up to date.
boost::asio::awaitable<Result<Catalog>> introspectTables(PooledConnection& connection,
                                                         const std::vector<QualifiedName>& names);

// Builds a Catalog from the introspection query's JSON document.
Result<Catalog> parseCatalog(std::string_view json);

// The introspection query itself (exposed for the benchmark and for tests), and the one of
// introspectTables: $1 is a JSON array of [schema, name] pairs.
const char* catalogQuery();
const std::string& tablesCatalogQuery();

}  // namespace graft::pg
