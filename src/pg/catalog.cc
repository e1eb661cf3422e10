#include "pg/catalog.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <unordered_set>

#include "pg/pool.h"

namespace graft::pg {

namespace bj = boost::json;

namespace {

std::string indexKey(std::string_view schema, std::string_view name) {
  std::string key(schema);
  key += '\0';
  key += name;
  return key;
}

std::string str(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return {};
  return std::string(it->value().as_string());
}

std::optional<std::string> optStr(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return std::nullopt;
  return std::string(it->value().as_string());
}

bool flag(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_bool() && it->value().as_bool();
}

long long number(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return 0;
  if (it->value().is_int64()) return it->value().as_int64();
  if (it->value().is_uint64()) return static_cast<long long>(it->value().as_uint64());
  return 0;
}

char firstChar(const bj::object& o, std::string_view key, char fallback) {
  std::string s = str(o, key);
  return s.empty() ? fallback : s[0];
}

const bj::array& arrayOf(const bj::object& o, std::string_view key) {
  static const bj::array kEmpty;
  auto it = o.find(key);
  return it != o.end() && it->value().is_array() ? it->value().as_array() : kEmpty;
}

std::vector<std::string> strings(const bj::array& a) {
  std::vector<std::string> out;
  out.reserve(a.size());
  for (const auto& v : a) out.push_back(v.is_string() ? std::string(v.as_string()) : "");
  return out;
}

RelationKind relationKind(char c) {
  switch (c) {
    case 'v':
      return RelationKind::kView;
    case 'm':
      return RelationKind::kMaterializedView;
    case 'f':
      return RelationKind::kForeignTable;
    case 'p':
      return RelationKind::kPartitionedTable;
    default:
      return RelationKind::kTable;
  }
}

Column parseColumn(const bj::object& o) {
  Column c;
  c.name = str(o, "name");
  c.position = static_cast<int>(number(o, "position"));
  c.type = str(o, "type");
  c.type_name = {str(o, "type_schema"), str(o, "type_name")};
  c.type_oid = static_cast<unsigned>(number(o, "type_oid"));
  c.type_kind = firstChar(o, "type_kind", 'b');
  c.type_category = firstChar(o, "type_category", 'U');
  c.element_type = optStr(o, "element_type");
  c.domain_base_type = optStr(o, "domain_base_type");
  c.nullable = flag(o, "nullable");
  c.default_expr = optStr(o, "default");
  if (auto identity = optStr(o, "identity"); identity && !identity->empty()) {
    c.identity = (*identity)[0];
  }
  c.generated = flag(o, "generated");
  c.comment = optStr(o, "comment");
  return c;
}

KeyConstraint parseKey(const bj::object& o) {
  return {str(o, "name"), strings(arrayOf(o, "columns"))};
}

Table parseTable(const bj::object& o) {
  Table t;
  t.oid = static_cast<unsigned>(number(o, "oid"));
  t.name = {str(o, "schema"), str(o, "name")};
  t.kind = relationKind(firstChar(o, "kind", 'r'));
  t.comment = optStr(o, "comment");
  for (const auto& c : arrayOf(o, "columns")) {
    if (c.is_object()) t.columns.push_back(parseColumn(c.as_object()));
  }
  if (auto it = o.find("primary_key"); it != o.end() && it->value().is_object()) {
    t.primary_key = parseKey(it->value().as_object());
  }
  for (const auto& u : arrayOf(o, "unique_constraints")) {
    if (u.is_object()) t.unique_constraints.push_back(parseKey(u.as_object()));
  }
  for (const auto& f : arrayOf(o, "foreign_keys")) {
    if (!f.is_object()) continue;
    const auto& fo = f.as_object();
    ForeignKey fk;
    fk.name = str(fo, "name");
    fk.referenced = {str(fo, "ref_schema"), str(fo, "ref_table")};
    for (const auto& pair : arrayOf(fo, "columns")) {
      if (pair.is_array() && pair.as_array().size() == 2) {
        const auto& p = pair.as_array();
        fk.column_mapping.emplace_back(std::string(p[0].as_string()),
                                       std::string(p[1].as_string()));
      }
    }
    t.foreign_keys.push_back(std::move(fk));
  }
  t.insertable = flag(o, "insertable");
  t.updatable = flag(o, "updatable");
  t.deletable = flag(o, "deletable");
  return t;
}

Function parseFunction(const bj::object& o) {
  Function f;
  f.name = {str(o, "schema"), str(o, "name")};
  f.oid = static_cast<unsigned>(number(o, "oid"));
  f.return_type = {str(o, "return_schema"), str(o, "return_type")};
  f.returns_set = flag(o, "returns_set");
  f.returns_table = flag(o, "returns_table");
  f.volatility = firstChar(o, "volatility", 'v');
  f.comment = optStr(o, "comment");
  const auto& names = arrayOf(o, "arg_names");
  const auto& types = arrayOf(o, "arg_types");
  long long defaults = number(o, "defaults");
  for (size_t i = 0; i < types.size(); ++i) {
    FunctionArgument arg;
    if (i < names.size() && names[i].is_string() && !names[i].as_string().empty()) {
      arg.name = std::string(names[i].as_string());
    }
    if (types[i].is_array() && types[i].as_array().size() >= 2) {
      const auto& t = types[i].as_array();
      arg.type = {std::string(t[0].as_string()), std::string(t[1].as_string())};
      if (t.size() > 2 && t[2].is_string() && !t[2].as_string().empty()) {
        arg.type_kind = t[2].as_string()[0];
      }
    }
    // Defaults belong to the trailing arguments.
    arg.has_default = static_cast<long long>(types.size() - i) <= defaults;
    f.arguments.push_back(std::move(arg));
  }
  return f;
}

}  // namespace

std::string QualifiedName::display() const {
  return schema == "public" ? name : schema + "." + name;
}

const Column* Table::findColumn(std::string_view column) const {
  for (const auto& c : columns) {
    if (c.name == column) return &c;
  }
  return nullptr;
}

Catalog::Catalog(std::vector<Table> tables, std::vector<EnumType> enums,
                 std::vector<Function> functions)
    : tables_(std::move(tables)), enums_(std::move(enums)), functions_(std::move(functions)) {
  table_index_.reserve(tables_.size());
  for (size_t i = 0; i < tables_.size(); ++i) {
    table_index_.emplace(indexKey(tables_[i].name.schema, tables_[i].name.name), i);
  }
}

const Table* Catalog::findTable(const QualifiedName& name) const {
  auto it = table_index_.find(indexKey(name.schema, name.name));
  return it == table_index_.end() ? nullptr : &tables_[it->second];
}

Catalog Catalog::withTables(const Catalog& fresh, const std::vector<QualifiedName>& asked) const {
  std::unordered_set<std::string> replaced;
  for (const QualifiedName& name : asked) replaced.insert(indexKey(name.schema, name.name));
  std::vector<Table> tables;
  tables.reserve(tables_.size() + fresh.tables_.size());
  for (const Table& table : tables_) {
    if (!replaced.contains(indexKey(table.name.schema, table.name.name))) tables.push_back(table);
  }
  // Only the order of a whole read is the database's; nothing depends on it.
  tables.insert(tables.end(), fresh.tables_.begin(), fresh.tables_.end());
  return Catalog(std::move(tables), fresh.enums_, functions_);
}

std::vector<std::pair<const Table*, const ForeignKey*>> Catalog::referencing(
    const QualifiedName& name) const {
  std::vector<std::pair<const Table*, const ForeignKey*>> out;
  for (const auto& t : tables_) {
    for (const auto& fk : t.foreign_keys) {
      if (fk.referenced == name) out.emplace_back(&t, &fk);
    }
  }
  return out;
}

Result<Catalog> parseCatalog(std::string_view json) {
  boost::system::error_code ec;
  bj::value doc = bj::parse(json, ec);
  if (ec || !doc.is_object()) {
    return std::unexpected(Error::unexpected("the catalog introspection returned invalid JSON"));
  }
  const auto& root = doc.as_object();
  std::vector<Table> tables;
  for (const auto& t : arrayOf(root, "tables")) {
    if (t.is_object()) tables.push_back(parseTable(t.as_object()));
  }
  std::vector<EnumType> enums;
  for (const auto& e : arrayOf(root, "enums")) {
    if (!e.is_object()) continue;
    const auto& eo = e.as_object();
    enums.push_back({{str(eo, "schema"), str(eo, "name")}, strings(arrayOf(eo, "values"))});
  }
  std::vector<Function> functions;
  for (const auto& f : arrayOf(root, "functions")) {
    if (f.is_object()) functions.push_back(parseFunction(f.as_object()));
  }
  return Catalog(std::move(tables), std::move(enums), std::move(functions));
}

namespace {

Result<Catalog> fromResult(const Result<QueryResult>& result) {
  if (!result) return std::unexpected(result.error());
  if (result->rows() != 1) {
    return std::unexpected(Error::unexpected("the catalog introspection returned no row"));
  }
  return parseCatalog(result->value(0, 0));
}

}  // namespace

boost::asio::awaitable<Result<Catalog>> introspect(Pool& pool) {
  Statement query(catalogQuery());
  co_return fromResult(co_await pool.execute(std::move(query)));
}

boost::asio::awaitable<Result<Catalog>> introspect(PooledConnection& connection) {
  Statement query(catalogQuery());
  co_return fromResult(co_await connection.execute(std::move(query)));
}

boost::asio::awaitable<Result<Catalog>> introspectTables(PooledConnection& connection,
                                                         const std::vector<QualifiedName>& names) {
  bj::array pairs;
  for (const QualifiedName& name : names) pairs.push_back(bj::array{name.schema, name.name});
  Statement query(tablesCatalogQuery(), {bj::serialize(pairs)});
  co_return fromResult(co_await connection.execute(std::move(query)));
}

}  // namespace graft::pg
