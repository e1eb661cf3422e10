// Mutations: each root field (insert, update, delete and their _one/_by_pk forms) becomes one
// statement, WITH "_m" AS (<DML> RETURNING *) SELECT <JSON over "_m">, so that the rows a
// field touched are read back in the same statement. Values are bound parameters cast to the
// column's type, as in queries.
#include <boost/json/serialize.hpp>

#include "graphql/introspection.h"
#include "planner/plan.h"
#include "planner/query_builder.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;
using graphql::NormalizedField;
using schema::FieldKind;

namespace {

constexpr const char* kMutated = "_m";  // the CTE holding the rows a field touched
constexpr const char* kRow = "_r";      // one of those rows, for `returning`

bool isInsert(FieldKind kind) {
  return kind == FieldKind::kInsert || kind == FieldKind::kInsertOne;
}

// The statement's DML as a WITH item.
using Dml = std::variant<sql::Insert, sql::Update, sql::Delete, sql::Select>;

sql::Cte mutatedCte(Dml dml) {
  return std::visit(
      [](auto& statement) {
        return sql::Cte{kMutated, sql::Box(std::move(statement))};
      },
      dml);
}

}  // namespace

// Builds one root field's statement; one builder (and so one parameter list) per field.
class MutationBuilder {
 public:
  MutationBuilder(const schema::RoleSchema& schema, const graphql::VariableValues& variables,
                  const Session& session, uint32_t source, bool stringify_numeric)
      : query_(schema, variables, session, source, stringify_numeric) {}

  Result<MutationStatement> build(const NormalizedField& field, const schema::FieldInfo& info,
                                  const std::string& path) {
    table_ = info.table;
    const metadata::ResolvedTable& table = query_.table(table_);
    pg_table_ = table.table;
    permissions_ = query_.schema_.permissions(query_.source_, table_);
    alias_ = query_.alias();
    Dml dml;
    switch (info.kind) {
      case FieldKind::kInsert:
      case FieldKind::kInsertOne: {
        GRAFT_TRY(dml, insert(field, info.kind == FieldKind::kInsertOne, path));
        break;
      }
      case FieldKind::kUpdate:
      case FieldKind::kUpdateByPk: {
        GRAFT_TRY(dml, update(field, info.kind == FieldKind::kUpdateByPk, path));
        break;
      }
      case FieldKind::kDelete:
      case FieldKind::kDeleteByPk: {
        GRAFT_TRY(auto where, filter(field, info.kind == FieldKind::kDeleteByPk, path));
        if (permissions_ != nullptr && permissions_->delete_) {
          GRAFT_TRY(where, withPermissionFilter(std::move(where), permissions_->delete_->filter));
        }
        dml = sql::Delete{.table = tableName(), .alias = alias_, .where = std::move(where)};
        break;
      }
      default:
        return std::unexpected(Error::unexpected("not a mutation root field"));
    }

    sql::Select statement;
    statement.with.push_back(mutatedCte(std::move(dml)));
    bool many = info.kind == FieldKind::kInsert || info.kind == FieldKind::kUpdate ||
                info.kind == FieldKind::kDelete;
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
    std::string error_path = "$";
    if (isInsert(info.kind)) {
      error_path = path + (info.kind == FieldKind::kInsert ? ".args.objects" : ".args.object");
    }
    return MutationStatement{pg::Statement(sql::toSql(statement), query_.params().take()),
                             sql::toPrettySql(statement), std::move(error_path), checked};
  }

 private:
  sql::TableName tableName() const { return {pg_table_->name.schema, pg_table_->name.name}; }

  // The column a GraphQL name of an input object stands for (validation has kept the input
  // to the columns the role may write, which need not be columns it may select).
  const pg::Column* column(const std::string& graphql_name) const {
    for (const metadata::ResolvedColumn& column : query_.table(table_).columns) {
      if (column.graphql_name == graphql_name) return column.column;
    }
    return nullptr;
  }

  Result<Dml> insert(const NormalizedField& field, bool one, const std::string& path) {
    bj::array objects;
    if (one) {
      objects.push_back(query_.argument(field, "object").value_or(bj::object{}));
    } else if (auto given = query_.argument(field, "objects"); given && given->is_array()) {
      objects = given->get_array();
    } else if (given && given->is_object()) {
      objects.push_back(*given);  // a list of one, as GraphQL input coercion allows
    }
    if (objects.empty()) {
      // No row to insert: nothing is touched, and INSERT needs at least one row.
      sql::Select none;
      none.items.push_back({sql::star()});
      none.from = sql::table(pg_table_->name.schema, pg_table_->name.name);
      none.where = sql::false_();
      return none;
    }
    // The columns any object sets, in the table's order; the others take their default.
    std::vector<const pg::Column*> columns;
    for (const metadata::ResolvedColumn& resolved : query_.table(table_).columns) {
      bool set = false;
      for (const bj::value& object : objects) {
        set = set || (object.is_object() && object.get_object().contains(resolved.graphql_name));
      }
      if (set) columns.push_back(resolved.column);
    }
    sql::Insert insert{.table = tableName(), .alias = alias_};
    if (columns.empty()) {
      // Every row all defaults: one column given as DEFAULT keeps VALUES valid for many rows.
      for (const metadata::ResolvedColumn& resolved : query_.table(table_).columns) {
        if (!resolved.column->generated && resolved.column->identity != 'a') {
          columns.push_back(resolved.column);
          break;
        }
      }
    }
    const metadata::ResolvedTable& table = query_.table(table_);
    // The role's presets: columns it cannot set take these values in every row.
    const metadata::InsertPermission* permission =
        permissions_ != nullptr && permissions_->insert ? &*permissions_->insert : nullptr;
    std::vector<std::pair<const pg::Column*, bj::value>> presets;
    if (permission != nullptr) {
      check_ = permission->check;
      GRAFT_TRY(presets, presetValues(permission->set));
    }
    for (const pg::Column* c : columns) insert.columns.push_back(c->name);
    for (const auto& [c, value] : presets) insert.columns.push_back(c->name);
    for (const bj::value& object : objects) {
      std::vector<std::optional<sql::Expr>> row;
      for (const pg::Column* c : columns) {
        const metadata::ResolvedColumn* resolved = table.findColumn(c->name);
        const bj::value* given =
            object.is_object() ? object.get_object().if_contains(resolved->graphql_name) : nullptr;
        if (given == nullptr) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(query_.value(*given, *c));
        }
      }
      for (const auto& [c, value] : presets) row.emplace_back(query_.value(value, *c));
      insert.rows.push_back(std::move(row));
    }
    if (auto conflict = query_.argument(field, "on_conflict"); conflict && conflict->is_object()) {
      const bj::object& spec = conflict->get_object();
      const bj::value* constraint = spec.if_contains("constraint");
      if (constraint == nullptr || !constraint->is_string()) {
        return std::unexpected(Error::validationFailed("missing required field 'constraint'")
                                   .withPath(path + ".args.on_conflict"));
      }
      sql::OnConflict on{.constraint = std::string(constraint->get_string())};
      if (const bj::value* names = spec.if_contains("update_columns")) {
        bj::array list = names->is_array() ? names->get_array() : bj::array{*names};
        for (const bj::value& name : list) {
          if (!name.is_string()) continue;
          if (const pg::Column* c = column(std::string(name.get_string()))) {
            on.update_columns.push_back(c->name);
          }
        }
      }
      if (const bj::value* where = spec.if_contains("where");
          where != nullptr && !where->is_null() && !on.update_columns.empty()) {
        GRAFT_TRY(on.where,
                  query_.boolExp(table_, alias_, *where, path + ".args.on_conflict.where"));
      }
      // An upsert updates only the rows the role's update permission lets it.
      if (!on.update_columns.empty() && permissions_ != nullptr && permissions_->update) {
        GRAFT_TRY(on.where,
                  withPermissionFilter(std::move(on.where), permissions_->update->filter));
      }
      insert.on_conflict = std::move(on);
    }
    return insert;
  }

  Result<Dml> update(const NormalizedField& field, bool by_pk, const std::string& path) {
    GRAFT_TRY(auto where, filter(field, by_pk, path));
    const metadata::UpdatePermission* permission =
        permissions_ != nullptr && permissions_->update ? &*permissions_->update : nullptr;
    std::vector<std::pair<const pg::Column*, bj::value>> presets;
    if (permission != nullptr) {
      GRAFT_TRY(where, withPermissionFilter(std::move(where), permission->filter));
      if (!permission->check.is_null()) check_ = permission->check;
      GRAFT_TRY(presets, presetValues(permission->set));
    }
    sql::Update update{.table = tableName(), .alias = alias_, .where = std::move(where)};
    if (auto set = query_.argument(field, "_set"); set && set->is_object()) {
      for (const auto& [name, given] : set->get_object()) {
        if (const pg::Column* c = column(std::string(name))) {
          update.set.push_back({c->name, query_.value(given, *c)});
        }
      }
    }
    if (auto inc = query_.argument(field, "_inc"); inc && inc->is_object()) {
      for (const auto& [name, given] : inc->get_object()) {
        if (const pg::Column* c = column(std::string(name))) {
          update.set.push_back({c->name, sql::op(sql::BinaryOp::kPlus, sql::col(alias_, c->name),
                                                 query_.value(given, *c))});
        }
      }
    }
    // The role's presets are set by every update it makes, even one that sets nothing else.
    for (const auto& [c, value] : presets) update.set.push_back({c->name, query_.value(value, *c)});
    if (!update.set.empty()) return update;
    // Nothing to set: the rows the filter selects, unchanged (no UPDATE, so no trigger fires).
    sql::Select rows;
    rows.items.push_back({sql::star(alias_)});
    rows.from = sql::table(pg_table_->name.schema, pg_table_->name.name, alias_);
    rows.where = std::move(update.where);
    return rows;
  }

  // The rows a field acts on: its `where`, or its primary key (pk_columns for update_by_pk,
  // the arguments themselves for delete_by_pk).
  Result<std::optional<sql::Expr>> filter(const NormalizedField& field, bool by_pk,
                                          const std::string& path) {
    if (!by_pk) {
      auto where = query_.argument(field, "where");
      if (!where || where->is_null()) return std::nullopt;
      GRAFT_TRY(auto condition, query_.boolExp(table_, alias_, *where, path + ".args.where"));
      return condition;
    }
    std::optional<bj::value> pk_columns = query_.argument(field, "pk_columns");
    std::vector<sql::Expr> keys;
    for (const std::string& key : pg_table_->primary_key->columns) {
      const metadata::ResolvedColumn* resolved = query_.table(table_).findColumn(key);
      std::optional<bj::value> given;
      if (pk_columns && pk_columns->is_object()) {
        if (const bj::value* v = pk_columns->get_object().if_contains(resolved->graphql_name)) {
          given = *v;
        }
      } else if (!pk_columns) {
        given = query_.argument(field, resolved->graphql_name);
      }
      if (!given) {
        return std::unexpected(
            Error::validationFailed("missing required field '" + resolved->graphql_name + "'")
                .withPath(path + ".args"));
      }
      keys.push_back(sql::op(sql::BinaryOp::kEq, sql::col(alias_, key),
                             query_.value(*given, *resolved->column)));
    }
    return sql::and_(std::move(keys));
  }

  // `where` ANDed with a permission's filter over the mutated table.
  Result<std::optional<sql::Expr>> withPermissionFilter(std::optional<sql::Expr> where,
                                                        const bj::value& filter) {
    if (filter.is_object() && filter.get_object().empty()) return where;
    GRAFT_TRY(auto condition, query_.permissionExp(table_, alias_, filter));
    if (!where) return condition;
    std::vector<sql::Expr> both;
    both.push_back(std::move(*where));
    both.push_back(std::move(condition));
    return sql::and_(std::move(both));
  }

  // A permission's `set`: column → value, session variables replaced by their values.
  Result<std::vector<std::pair<const pg::Column*, bj::value>>> presetValues(const bj::object& set) {
    std::vector<std::pair<const pg::Column*, bj::value>> out;
    for (const metadata::ResolvedColumn& resolved : query_.table(table_).columns) {
      const bj::value* preset = set.if_contains(resolved.column->name);
      if (preset == nullptr) continue;
      GRAFT_TRY(auto value, query_.withSessionValues(*preset));
      out.emplace_back(resolved.column, std::move(value));
    }
    return out;
  }

  // <table>_mutation_response: affected_rows, returning and __typename, under their keys.
  Result<sql::Expr> mutationResponse(const NormalizedField& field, const std::string& path) {
    std::vector<sql::Expr> args;
    for (const NormalizedField& part : field.fields()) {
      std::string key(part.response_key);
      args.push_back(sql::str(key));
      const schema::FieldInfo* part_info = query_.schema_.info(*part.definition);
      if (part_info == nullptr) {  // __typename
        args.push_back(sql::str(part.parent->name()));
      } else if (part_info->kind == FieldKind::kAffectedRows) {
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

  QueryBuilder query_;
  uint32_t table_ = 0;
  const pg::Table* pg_table_ = nullptr;
  const metadata::RolePermissions* permissions_ = nullptr;  // null for admin
  std::optional<bj::value> check_;  // the insert or update permission's check
  std::string alias_;
};

Result<Plan> planMutation(const schema::RoleSchema& schema,
                          const graphql::NormalizedOperation& operation,
                          const graphql::VariableValues& variables, const Session& session,
                          const PlanOptions& options) {
  Plan plan;
  std::optional<uint32_t> source;
  for (const NormalizedField& field : operation.fields) {
    const schema::FieldInfo* info = schema.info(*field.definition);
    if (info == nullptr) continue;
    if (source && *source != info->source) {
      return std::unexpected(Error::notSupported(
          "root fields of several databases in one mutation are not supported yet"));
    }
    source = info->source;
  }
  plan.source = source.value_or(0);
  for (const NormalizedField& field : operation.fields) {
    RootFieldPlan root{std::string(field.response_key), std::nullopt, {}};
    const schema::FieldInfo* info = schema.info(*field.definition);
    if (info == nullptr) {
      if (graphql::isIntrospectionField(schema.schema(), field)) {
        root.value =
            bj::serialize(graphql::resolveIntrospectionField(schema.schema(), field, variables));
      } else {  // __typename
        root.value = bj::serialize(bj::value(operation.root->name()));
      }
    } else {
      MutationBuilder builder(schema, variables, session, plan.source,
                              options.stringify_numeric_types);
      GRAFT_TRY(auto statement, builder.build(field, *info, "$.selectionSet." + root.response_key));
      root.column = static_cast<int>(plan.mutations.size());
      plan.mutations.push_back(std::move(statement));
    }
    plan.fields.push_back(std::move(root));
  }
  return plan;
}

}  // namespace graft::planner
