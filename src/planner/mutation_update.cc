// Updates: the operators of update_<t> and update_<t>_by_pk (_set, _inc and the jsonb ones:
// _append ||, _prepend ||, _delete_key - text, _delete_elem - integer, _delete_at_path #-
// text[]), and update_<t>_many, whose updates run as statements of their own, in order, so
// that each sees the rows as the previous one left them.
#include <array>
#include <string_view>

#include "planner/mutation_builder.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;
using graphql::NormalizedField;

namespace {

// In the order their assignments are written.
constexpr std::array<std::string_view, 7> kOperators = {
    "_set", "_inc", "_append", "_prepend", "_delete_key", "_delete_elem", "_delete_at_path"};

}  // namespace

Result<MutationBuilder::Dml> MutationBuilder::update(const bj::object& arguments, bool by_pk,
                                                     const std::string& path) {
  GRAFT_TRY(auto where, filter(arguments, by_pk, path));
  const metadata::UpdatePermission* permission =
      permissions_ != nullptr && permissions_->update ? &*permissions_->update : nullptr;
  std::vector<std::pair<const pg::Column*, bj::value>> presets;
  if (permission != nullptr) {
    GRAFT_TRY(where, withPermissionFilter(table_, alias_, std::move(where), permission->filter));
    if (!permission->check.is_null()) check_ = permission->check;
    GRAFT_TRY(presets, presetValues(table_, permission->set));
  }
  sql::Update update{.table = tableName(table_), .alias = alias_, .where = std::move(where)};
  // Which operators name each column: one at most, as Hasura requires.
  std::vector<std::vector<std::string_view>> operators_of(query_.table(table_).columns.size());
  for (std::string_view op : kOperators) {
    const bj::value* given_op = arguments.if_contains(op);
    if (given_op == nullptr || !given_op->is_object()) continue;
    for (const auto& [name, given] : given_op->get_object()) {
      const pg::Column* c = column(table_, std::string(name));
      if (c == nullptr) continue;
      const auto& columns = query_.table(table_).columns;
      for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].column == c) operators_of[i].push_back(op);
      }
      sql::Expr current = sql::col(alias_, c->name);
      sql::Expr value = sql::null();
      if (op == "_set") {
        value = query_.value(given, *c);
      } else if (op == "_inc") {
        value = sql::op(sql::BinaryOp::kPlus, std::move(current), query_.value(given, *c));
      } else if (op == "_append") {
        value = sql::op(sql::BinaryOp::kConcat, std::move(current), query_.value(given, *c));
      } else if (op == "_prepend") {
        value = sql::op(sql::BinaryOp::kConcat, query_.value(given, *c), std::move(current));
      } else if (op == "_delete_key") {
        value = sql::op(sql::BinaryOp::kMinus, std::move(current),
                        sql::param(query_.params().add(pg::textOf(given)), "text"));
      } else if (op == "_delete_elem") {
        value = sql::op(sql::BinaryOp::kMinus, std::move(current),
                        sql::param(query_.params().add(pg::textOf(given)), "integer"));
      } else {  // _delete_at_path
        std::optional<std::string> path_text;
        if (given.is_array()) {
          path_text = arrayLiteral(given.get_array());
        } else if (!given.is_null()) {
          path_text = arrayLiteral(bj::array{given});  // a list of one
        }
        value = sql::op(sql::BinaryOp::kDeletePath, std::move(current),
                        sql::param(query_.params().add(std::move(path_text)), "text[]"));
      }
      update.set.push_back({c->name, std::move(value)});
    }
  }
  // The data API's $mul and $default, after its $set and $inc, as Hasura writes them.
  if (data_api_update_ != nullptr) {
    auto assign = [&](const std::string& name, std::string_view op) -> const pg::Column* {
      const pg::Column* c = column(table_, name);
      if (c == nullptr) return nullptr;
      const auto& columns = query_.table(table_).columns;
      for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].column == c) operators_of[i].push_back(op);
      }
      return c;
    };
    for (const auto& [name, given] : data_api_update_->multiply) {
      const pg::Column* c = assign(name, "$mul");
      if (c == nullptr) continue;
      update.set.push_back({c->name, sql::op(sql::BinaryOp::kTimes, sql::col(alias_, c->name),
                                             query_.value(given, *c))});
    }
    for (const std::string& name : data_api_update_->to_default) {
      if (const pg::Column* c = assign(name, "$default")) update.set.push_back({c->name, {}});
    }
  }
  std::string duplicates;
  for (size_t i = 0; i < operators_of.size(); ++i) {
    if (operators_of[i].size() < 2) continue;
    if (!duplicates.empty()) duplicates += ", ";
    duplicates += "'" + query_.table(table_).columns[i].column->name + "'";
  }
  if (!duplicates.empty()) {
    return std::unexpected(
        Error::validationFailed("Column found in multiple operators: [" + duplicates + "].")
            .withPath(path));
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

// One statement per update. Each but the last leaves the responses so far, as JSON text
// separated by commas, in the transaction-local setting graft.mutation_<slot>; the last one
// reads them back and answers the whole list.
Result<std::vector<MutationStatement>> MutationBuilder::updateMany(const NormalizedField& field,
                                                                   const std::string& path) {
  bj::array updates;
  if (auto given = query_.argument(field, "updates"); given && given->is_array()) {
    updates = given->get_array();
  } else if (given && given->is_object()) {
    updates.push_back(*given);  // a list of one
  }
  std::vector<MutationStatement> out;
  for (size_t i = 0; i < updates.size(); ++i) {
    if (!updates[i].is_object()) continue;
    check_.reset();
    std::string update_path = path + ".args.updates[" + std::to_string(i) + "]";
    GRAFT_TRY(auto dml, update(updates[i].get_object(), /*by_pk=*/false, update_path));
    sql::Select statement;
    std::visit(
        [&](auto& body) {
          statement.with.push_back(sql::Cte{"_m", sql::Box(std::move(body))});
        },
        dml);
    GRAFT_TRY(auto response,
              mutationResponse(field, "$.selectionSet." + std::string(field.response_key)));
    sql::Expr text = sql::cast(std::move(response), "text");
    if (i > 0) {
      text = sql::op(sql::BinaryOp::kConcat,
                     sql::op(sql::BinaryOp::kConcat, setting(), sql::str(",")), std::move(text));
    }
    if (i + 1 == updates.size()) {
      text =
          sql::op(sql::BinaryOp::kConcat,
                  sql::op(sql::BinaryOp::kConcat, sql::str("["), std::move(text)), sql::str("]"));
    } else {
      text = sql::call("set_config", {sql::str(settingName()), std::move(text), sql::true_()});
    }
    statement.items.push_back({std::move(text), std::string(field.response_key)});
    GRAFT_TRY(auto one, finish(std::move(statement), "$"));
    out.push_back(std::move(one));
  }
  return out;
}

}  // namespace graft::planner
