// Permissions in the SQL: a role's select filter ANDed into every read of a table, and the
// boolean expressions of the metadata (filters and checks) compiled over a row alias. Session
// variables become bound parameters, so the statement text is the same for every user of a
// role.
#include <array>

#include "pg/quote.h"
#include "planner/query_builder.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;

namespace {

// The session variable an operand names ("X-Hasura-User-Id", in any case), if it names one.
std::optional<std::string> sessionVariableName(const bj::value& operand) {
  if (!operand.is_string()) return std::nullopt;
  std::string name(operand.get_string());
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!name.starts_with("x-hasura-")) return std::nullopt;
  return name;
}

constexpr std::array<std::pair<std::string_view, sql::BinaryOp>, 6> kColumnOperators = {{
    {"_ceq", sql::BinaryOp::kEq},
    {"_cne", sql::BinaryOp::kNe},
    {"_cgt", sql::BinaryOp::kGt},
    {"_cge", sql::BinaryOp::kGe},
    {"_clt", sql::BinaryOp::kLt},
    {"_cle", sql::BinaryOp::kLe},
}};

}  // namespace

Status QueryBuilder::addRowFilter(uint32_t t, const std::string& alias,
                                  std::vector<sql::Expr>& conditions) {
  const metadata::SelectPermission* permission = schema_.selectPermission(source_, t);
  if (permission == nullptr) return {};
  if (permission->filter.is_object() && permission->filter.get_object().empty()) return {};
  GRAFT_TRY(auto condition, permissionExp(t, alias, permission->filter));
  conditions.push_back(std::move(condition));
  return {};
}

Result<sql::Expr> QueryBuilder::permissionExp(uint32_t t, const std::string& alias,
                                              const bj::value& exp) {
  // Nested permissions keep the outermost scope: "$" is the permission's own table.
  std::optional<PermissionScope> saved = permission_;
  if (!permission_) permission_ = PermissionScope{t, alias};
  auto condition = boolExp(t, alias, exp, "$");
  permission_ = std::move(saved);
  return condition;
}

Result<bj::value> QueryBuilder::withSessionValues(const bj::value& operand) {
  if (auto name = sessionVariableName(operand)) {
    auto value = session_.variable(*name);
    if (!value) {
      return std::unexpected(
          Error::notFound("missing session variables: \"" + *name + "\"").withPath("$"));
    }
    return bj::value(bj::string(*value));
  }
  if (operand.is_object()) {
    bj::object out;
    for (const auto& [key, item] : operand.get_object()) {
      GRAFT_TRY(out[key], withSessionValues(item));
    }
    return bj::value(std::move(out));
  }
  if (operand.is_array()) {
    bj::array out;
    for (const bj::value& item : operand.get_array()) {
      GRAFT_TRY(auto value, withSessionValues(item));
      out.push_back(std::move(value));
    }
    return bj::value(std::move(out));
  }
  return operand;
}

Result<sql::Expr> QueryBuilder::comparison(uint32_t t, const metadata::ResolvedColumn& column,
                                           const std::string& row_alias, const bj::object& ops,
                                           const std::string& path) {
  sql::Expr subject = sql::col(row_alias, column.column->name);
  if (!permission_) return comparisonOn(*column.column, subject, ops, path);
  const pg::Column& pg_column = *column.column;
  std::vector<sql::Expr> parts;
  bj::object rest;
  for (const auto& [op_view, operand] : ops) {
    std::string op(op_view);
    if (op.starts_with('$')) op[0] = '_';
    if (auto compared = columnComparison(t, op, operand, subject, path + "." + op)) {
      GRAFT_TRY(auto condition, std::move(*compared));
      parts.push_back(std::move(condition));
      continue;
    }
    // A list operator given one session variable reads it as a Postgres array literal
    // ("{1,2}"), as Hasura does.
    bool list_op = op == "_in" || op == "_nin" || op == "_has_keys_any" || op == "_has_keys_all";
    if (auto name = sessionVariableName(operand); name && list_op) {
      GRAFT_TRY(auto value, withSessionValues(operand));
      std::string literal(value.get_string());
      if (op == "_in" || op == "_nin") {
        sql::Expr list = sql::param(params_.add(std::move(literal)), typeText(pg_column) + "[]");
        parts.push_back(op == "_in" ? sql::opAny(sql::BinaryOp::kEq, subject, std::move(list))
                                    : sql::opAll(sql::BinaryOp::kNe, subject, std::move(list)));
      } else {
        parts.push_back(
            sql::op(op == "_has_keys_any" ? sql::BinaryOp::kHasAnyKeys : sql::BinaryOp::kHasAllKeys,
                    subject, sql::param(params_.add(std::move(literal)), "text[]")));
      }
      continue;
    }
    GRAFT_TRY(rest[op], withSessionValues(operand));
  }
  if (!rest.empty()) {
    GRAFT_TRY(auto condition, comparisonOn(pg_column, subject, rest, path));
    parts.push_back(std::move(condition));
  }
  return sql::and_(std::move(parts));
}

std::optional<Result<sql::Expr>> QueryBuilder::columnComparison(uint32_t t, const std::string& op,
                                                                const bj::value& operand,
                                                                const sql::Expr& subject,
                                                                const std::string& path) {
  const sql::BinaryOp* binary = nullptr;
  for (const auto& [name, candidate] : kColumnOperators) {
    if (op == name) binary = &candidate;
  }
  if (binary == nullptr) return std::nullopt;
  // "column" is a column of the same row; ["$", "column"] one of the permission's own table.
  uint32_t other_table = t;
  std::string other_alias;
  std::string column_name;
  if (operand.is_string()) {
    column_name = operand.get_string();
  } else if (operand.is_array() && operand.get_array().size() == 2 &&
             operand.get_array()[0] == "$" && operand.get_array()[1].is_string()) {
    other_table = permission_->table;
    other_alias = permission_->alias;
    column_name = operand.get_array()[1].get_string();
  } else {
    return Result<sql::Expr>(std::unexpected(
        Error::parseFailed("expected a column name or [\"$\", column name]").withPath(path)));
  }
  if (table(other_table).findColumn(column_name) == nullptr) {
    return Result<sql::Expr>(std::unexpected(
        Error::validationFailed("column \"" + column_name + "\" does not exist").withPath(path)));
  }
  if (other_alias.empty()) other_alias = subject.as<sql::ColumnRef>()->names.front();
  return Result<sql::Expr>(sql::op(*binary, subject, sql::col(other_alias, column_name)));
}

Result<sql::Expr> QueryBuilder::existsExp(const bj::value& operand, const std::string& path) {
  if (!operand.is_object() || !operand.get_object().contains("_table") ||
      !operand.get_object().contains("_where")) {
    return std::unexpected(
        Error::parseFailed("expected an object with _table and _where").withPath(path));
  }
  const bj::value& table_name = operand.get_object().at("_table");
  pg::QualifiedName name{"public", ""};
  if (table_name.is_string()) {
    name.name = table_name.get_string();
  } else if (table_name.is_object()) {
    const bj::object& object = table_name.get_object();
    if (auto schema = object.if_contains("schema"); schema && schema->is_string()) {
      name.schema = schema->get_string();
    }
    if (auto table_value = object.if_contains("name"); table_value && table_value->is_string()) {
      name.name = table_value->get_string();
    }
  }
  const std::vector<metadata::ResolvedTable>& tables = schema_.resolved().sources[source_].tables;
  for (uint32_t other = 0; other < tables.size(); ++other) {
    if (tables[other].table->name != name) continue;
    std::string other_alias = alias();
    GRAFT_TRY(auto condition,
              boolExp(other, other_alias, operand.get_object().at("_where"), path + "._where"));
    sql::Select select;
    select.items.push_back({sql::integer(1)});
    select.from = sql::table(name.schema, name.name, other_alias);
    select.where = std::move(condition);
    return sql::exists(std::move(select));
  }
  return std::unexpected(Error::validationFailed("table " + name.display() + " is not tracked")
                             .withPath(path + "._table"));
}

}  // namespace graft::planner
