// Mutations: each root field (insert, update, delete and their _one/_by_pk forms) becomes one
// statement, WITH "_m" AS (<DML> RETURNING *) SELECT <JSON over "_m">, so that the rows a
// field touched are read back in the same statement. Values are bound parameters cast to the
// column's type, as in queries. A nested insert and update_many take several statements (see
// mutation_insert.cc and mutation_update.cc).
#include <boost/json/serialize.hpp>

#include "graphql/introspection.h"
#include "planner/mutation_builder.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;
using graphql::NormalizedField;
using schema::FieldKind;

namespace {

constexpr const char* kMutated = "_m";  // the CTE holding the rows a field touched
constexpr const char* kRow = "_r";      // one of those rows, for `returning`

sql::Cte mutatedCte(std::variant<sql::Insert, sql::Update, sql::Delete, sql::Select> dml) {
  return std::visit(
      [](auto& statement) {
        return sql::Cte{kMutated, sql::Box(std::move(statement))};
      },
      dml);
}

}  // namespace

void MutationBuilder::startTable(uint32_t t) {
  table_ = t;
  pg_table_ = query_.table(t).table;
  permissions_ = permissionsOf(t);
}

sql::TableName MutationBuilder::tableName(uint32_t t) const {
  const pg::Table& table = *query_.table(t).table;
  return {table.name.schema, table.name.name};
}

const pg::Column* MutationBuilder::column(uint32_t t, const std::string& graphql_name) const {
  for (const metadata::ResolvedColumn& column : query_.table(t).columns) {
    if (column.graphql_name == graphql_name) return column.column;
  }
  return nullptr;
}

const metadata::RolePermissions* MutationBuilder::permissionsOf(uint32_t t) const {
  return query_.schema_.permissions(query_.source_, t);
}

std::string MutationBuilder::settingName() const {
  return "graft.mutation_" + std::to_string(slot_);
}

// current_setting('graft.mutation_<slot>')
sql::Expr MutationBuilder::setting() const {
  return sql::call("current_setting", {sql::str(settingName())});
}

Result<std::vector<MutationStatement>> MutationBuilder::build(const NormalizedField& field,
                                                              const schema::FieldInfo& info,
                                                              const std::string& path) {
  startTable(info.table);
  alias_ = query_.alias();
  std::vector<MutationStatement> out;
  switch (info.kind) {
    case FieldKind::kInsert:
    case FieldKind::kInsertOne:
      return insert(field, info.kind == FieldKind::kInsertOne, path);
    case FieldKind::kUpdate:
    case FieldKind::kUpdateByPk: {
      bool by_pk = info.kind == FieldKind::kUpdateByPk;
      GRAFT_TRY(auto dml, update(fieldArguments(field), by_pk, path + ".args"));
      GRAFT_TRY(auto one, statement(std::move(dml), field, !by_pk, "$"));
      out.push_back(std::move(one));
      return out;
    }
    case FieldKind::kUpdateMany:
      return updateMany(field, path);
    case FieldKind::kDelete:
    case FieldKind::kDeleteByPk: {
      GRAFT_TRY(auto where,
                filter(fieldArguments(field), info.kind == FieldKind::kDeleteByPk, path + ".args"));
      if (permissions_ != nullptr && permissions_->delete_) {
        GRAFT_TRY(where, withPermissionFilter(table_, alias_, std::move(where),
                                              permissions_->delete_->filter));
      }
      Dml dml = sql::Delete{.table = tableName(table_), .alias = alias_, .where = std::move(where)};
      GRAFT_TRY(auto one, statement(std::move(dml), field, info.kind == FieldKind::kDelete, "$"));
      out.push_back(std::move(one));
      return out;
    }
    default:
      return std::unexpected(Error::unexpected("not a mutation root field"));
  }
}

bj::object MutationBuilder::fieldArguments(const NormalizedField& field) const {
  bj::object arguments;
  for (const graphql::NormalizedArgument& argument : field.arguments) {
    const std::string& name = argument.definition->name;
    if (auto value = query_.argument(field, name)) arguments[name] = std::move(*value);
  }
  return arguments;
}

// WITH "_m" AS (dml) SELECT <the field's JSON over "_m"> [, "__check"]: a mutation_response
// when `many`, else the one row.
Result<MutationStatement> MutationBuilder::statement(Dml dml, const NormalizedField& field,
                                                     bool many, std::string error_path) {
  sql::Select statement;
  statement.with.push_back(mutatedCte(std::move(dml)));
  std::string path = "$.selectionSet." + std::string(field.response_key);
  if (many) {
    GRAFT_TRY(auto response, mutationResponse(field, path));
    statement.items.push_back({std::move(response), std::string(field.response_key)});
  } else {
    GRAFT_TRY(auto row, query_.rowObject(table_, kRow, field.fields(), path));
    sql::Select one;
    one.items.push_back({std::move(row)});
    one.from = sql::cte(kMutated, std::string(kRow));
    one.limit = sql::integer(1);
    statement.items.push_back({sql::subquery(std::move(one)), std::string(field.response_key)});
  }
  return finish(std::move(statement), std::move(error_path));
}

Result<MutationStatement> MutationBuilder::finish(sql::Select statement, std::string error_path) {
  // The check of the role's insert or update permission over every row written: a second
  // column the executor reads before it commits.
  bool checked = check_ && !(check_->is_object() && check_->get_object().empty());
  if (checked) {
    GRAFT_TRY(auto condition, query_.permissionExp(table_, kRow, *check_));
    sql::Select all;
    all.items.push_back({sql::call("bool_and", {std::move(condition)})});
    all.from = sql::cte(kMutated, std::string(kRow));
    statement.items.push_back({sql::subquery(std::move(all)), "__check"});
  }
  return MutationStatement{pg::Statement(sql::toSql(statement), query_.params().take()),
                           pretty(statement),
                           std::move(error_path),
                           checked,
                           {}};
}

std::string MutationBuilder::pretty(const sql::Select& statement) const {
  return pretty_sql_ ? sql::toPrettySql(statement) : std::string();
}

// The rows a field acts on, from its arguments (or an update_many's update) at `path`: its
// `where`, or its primary key (pk_columns for update_by_pk, the arguments themselves for
// delete_by_pk).
Result<std::optional<sql::Expr>> MutationBuilder::filter(const bj::object& arguments, bool by_pk,
                                                         const std::string& path) {
  if (!by_pk) {
    const bj::value* where = arguments.if_contains("where");
    if (where == nullptr || where->is_null()) return std::nullopt;
    GRAFT_TRY(auto condition, query_.boolExp(table_, alias_, *where, path + ".where"));
    return condition;
  }
  const bj::value* pk_columns = arguments.if_contains("pk_columns");
  std::vector<sql::Expr> keys;
  for (const std::string& key : pg_table_->primary_key->columns) {
    const metadata::ResolvedColumn* resolved = query_.table(table_).findColumn(key);
    const bj::value* given = nullptr;
    if (pk_columns != nullptr && pk_columns->is_object()) {
      given = pk_columns->get_object().if_contains(resolved->graphql_name);
    } else if (pk_columns == nullptr) {
      given = arguments.if_contains(resolved->graphql_name);
    }
    if (given == nullptr) {
      return std::unexpected(
          Error::validationFailed("missing required field '" + resolved->graphql_name + "'")
              .withPath(path));
    }
    keys.push_back(sql::op(sql::BinaryOp::kEq, sql::col(alias_, key),
                           query_.value(*given, *resolved->column)));
  }
  return sql::and_(std::move(keys));
}

// `where` ANDed with a permission's filter over table `t` as `alias`.
Result<std::optional<sql::Expr>> MutationBuilder::withPermissionFilter(
    uint32_t t, const std::string& alias, std::optional<sql::Expr> where, const bj::value& filter) {
  if (filter.is_object() && filter.get_object().empty()) return where;
  GRAFT_TRY(auto condition, query_.permissionExp(t, alias, filter));
  if (!where) return condition;
  std::vector<sql::Expr> both;
  both.push_back(std::move(*where));
  both.push_back(std::move(condition));
  return sql::and_(std::move(both));
}

// A permission's `set`: column → value, session variables replaced by their values.
Result<std::vector<std::pair<const pg::Column*, bj::value>>> MutationBuilder::presetValues(
    uint32_t t, const bj::object& set) {
  std::vector<std::pair<const pg::Column*, bj::value>> out;
  for (const metadata::ResolvedColumn& resolved : query_.table(t).columns) {
    const bj::value* preset = set.if_contains(resolved.column->name);
    if (preset == nullptr) continue;
    GRAFT_TRY(auto value, query_.withSessionValues(*preset));
    out.emplace_back(resolved.column, std::move(value));
  }
  return out;
}

// <table>_mutation_response: affected_rows, returning and __typename, under their keys.
Result<sql::Expr> MutationBuilder::mutationResponse(const NormalizedField& field,
                                                    const std::string& path) {
  std::vector<sql::Expr> args;
  for (const NormalizedField& part : field.fields()) {
    std::string key(part.response_key);
    args.push_back(sql::str(key));
    std::optional<schema::FieldInfo> part_info = query_.schema_.info(*part.definition);
    if (!part_info) {  // __typename
      args.push_back(sql::str(part.parent->name()));
    } else if (part_info->kind == FieldKind::kAffectedRows) {
      if (affected_rows_) {
        args.push_back(*affected_rows_);
        continue;
      }
      sql::Select count;
      count.items.push_back({sql::callStar("count")});
      count.from = sql::cte(kMutated);
      args.push_back(sql::subquery(std::move(count)));
    } else {
      GRAFT_TRY(auto row,
                query_.rowObject(table_, kRow, part.fields(), path + ".selectionSet." + key));
      sql::Select rows;
      rows.items.push_back(
          {sql::call("coalesce", {sql::call("json_agg", {std::move(row)}), sql::str("[]")})});
      rows.from = sql::cte(kMutated, std::string(kRow));
      args.push_back(sql::subquery(std::move(rows)));
    }
  }
  return sql::call("json_build_object", std::move(args));
}

Result<Plan> planMutation(const schema::RoleSchema& schema,
                          const graphql::NormalizedOperation& operation,
                          const graphql::VariableValues& variables, const Session& session,
                          const PlanOptions& options) {
  Plan plan;
  std::optional<uint32_t> source;
  for (const NormalizedField& field : operation.fields) {
    std::optional<schema::FieldInfo> info = schema.info(*field.definition);
    if (!info) continue;
    if (source && *source != info->source) {
      return std::unexpected(Error::notSupported(
          "root fields of several databases in one mutation are not supported yet"));
    }
    source = info->source;
  }
  plan.source = source.value_or(0);
  for (const NormalizedField& field : operation.fields) {
    RootFieldPlan root{std::string(field.response_key), std::nullopt, {}, nullptr};
    std::optional<schema::FieldInfo> info = schema.info(*field.definition);
    if (!info) {
      if (graphql::isIntrospectionField(schema.schema(), field)) {
        root.value =
            bj::serialize(graphql::resolveIntrospectionField(schema.schema(), field, variables));
      } else {  // __typename
        root.value = bj::serialize(bj::value(operation.root->name()));
      }
    } else {
      MutationBuilder builder(schema, variables, session, plan.source, plan.fields.size(), options);
      GRAFT_TRY(auto statements,
                builder.build(field, *info, "$.selectionSet." + root.response_key));
      if (statements.empty()) {
        root.value = "[]";  // update_many of no update
      } else {
        for (MutationStatement& statement : statements) {
          plan.mutations.push_back(std::move(statement));
        }
        root.column = static_cast<int>(plan.mutations.size()) - 1;
      }
    }
    plan.fields.push_back(std::move(root));
  }
  return plan;
}

}  // namespace graft::planner
