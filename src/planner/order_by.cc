// The `order_by` argument (<table>_order_by, an object or a list of them) as sort keys: columns,
// object relationships' columns (correlated subqueries, nested), and array relationships'
// aggregates (count, max, ...), each key in the order given.
#include "planner/query_builder.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;

namespace {

struct Direction {
  sql::Direction direction;
  sql::Nulls nulls;
};

// Hasura's order_by enum; plain asc/desc keep Postgres' defaults, spelled out.
std::optional<Direction> directionOf(const bj::value& value) {
  if (!value.is_string()) return std::nullopt;
  std::string_view text = value.get_string();
  if (text == "asc" || text == "asc_nulls_last")
    return Direction{sql::Direction::kAsc, sql::Nulls::kLast};
  if (text == "asc_nulls_first") return Direction{sql::Direction::kAsc, sql::Nulls::kFirst};
  if (text == "desc" || text == "desc_nulls_first") {
    return Direction{sql::Direction::kDesc, sql::Nulls::kFirst};
  }
  if (text == "desc_nulls_last") return Direction{sql::Direction::kDesc, sql::Nulls::kLast};
  return std::nullopt;
}

// The names validation lets through as keys of <table>_aggregate_order_by; checked again
// because the name becomes a SQL function.
bool isAggregateFunction(std::string_view name) {
  for (int op = 0; op <= static_cast<int>(schema::AggregateOperator::kVariance); ++op) {
    if (schema::aggregateOperatorName(static_cast<schema::AggregateOperator>(op)) == name) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::vector<sql::OrderBy>> QueryBuilder::orderBy(uint32_t t, const std::string& row_alias,
                                                        const bj::value& spec,
                                                        const std::string& path) {
  std::vector<sql::OrderBy> keys;
  bj::array items = spec.is_array() ? spec.get_array() : bj::array{spec};
  const metadata::ResolvedTable& info = table(t);
  const schema::TableNames& names = schema_.names(source_, t);
  for (size_t i = 0; i < items.size(); ++i) {
    std::string item_path = spec.is_array() ? path + "[" + std::to_string(i) + "]" : path;
    if (!items[i].is_object()) {
      return std::unexpected(Error::validationFailed("expected an object").withPath(item_path));
    }
    for (const auto& [key_view, value] : items[i].get_object()) {
      std::string key(key_view);
      std::string key_path = item_path + "." + key;
      if (value.is_null()) continue;
      if (auto column = names.columns.find(key); column != names.columns.end()) {
        auto direction = directionOf(value);
        if (!direction) {
          return std::unexpected(
              Error::validationFailed("expected an order_by value").withPath(key_path));
        }
        keys.push_back({sql::col(row_alias, info.columns[column->second].column->name),
                        direction->direction, direction->nulls});
        continue;
      }
      if (auto computed = names.computed_fields.find(key);
          computed != names.computed_fields.end() &&
          !info.computed_fields[computed->second].table) {
        auto direction = directionOf(value);
        if (!direction) {
          return std::unexpected(
              Error::validationFailed("expected an order_by value").withPath(key_path));
        }
        GRAFT_TRY(auto call, computedField(t, row_alias, info.computed_fields[computed->second],
                                           nullptr, key_path));
        keys.push_back({std::move(call), direction->direction, direction->nulls});
        continue;
      }
      bool aggregate = key.ends_with("_aggregate");
      std::string rel_name = aggregate ? key.substr(0, key.size() - 10) : key;
      auto relationship = names.relationships.find(rel_name);
      if (relationship == names.relationships.end() ||
          info.relationships[relationship->second].is_array != aggregate) {
        return std::unexpected(Error::validationFailed("field \"" + key +
                                                       "\" not found in type: '" +
                                                       info.table->name.name + "_order_by'")
                                   .withPath(key_path));
      }
      const metadata::ResolvedRelationship& rel = info.relationships[relationship->second];
      uint32_t target = static_cast<uint32_t>(rel.target);
      const pg::QualifiedName& target_name = table(target).table->name;
      // Each key of the related table becomes a correlated subquery over the related rows the
      // role may select.
      auto keyed = [&](sql::Expr expr, sql::Direction direction, sql::Nulls nulls,
                       const std::string& related, bool limit_one) -> Status {
        sql::Select select;
        select.items.push_back({std::move(expr)});
        select.from = sql::table(target_name.schema, target_name.name, related);
        std::vector<sql::Expr> where;
        where.push_back(join(row_alias, related, rel.mapping));
        GRAFT_CHECK(addRowFilter(target, related, where));
        select.where = sql::and_(std::move(where));
        if (limit_one) select.limit = sql::integer(1);
        keys.push_back({sql::subquery(std::move(select)), direction, nulls});
        return {};
      };
      if (!value.is_object()) {
        return std::unexpected(Error::validationFailed("expected an object").withPath(key_path));
      }
      if (!aggregate) {
        std::string related = alias();
        GRAFT_TRY(auto nested, orderBy(target, related, value, key_path));
        for (sql::OrderBy& inner : nested) {
          GRAFT_CHECK(keyed(std::move(inner.expr), inner.direction, inner.nulls, related, true));
        }
        continue;
      }
      const schema::TableNames& target_names = schema_.names(source_, target);
      for (const auto& [function_view, function_value] : value.get_object()) {
        std::string function(function_view);
        if (function_value.is_null()) continue;
        if (function == "count") {
          auto direction = directionOf(function_value);
          if (!direction) continue;
          GRAFT_CHECK(keyed(sql::callStar("count"), direction->direction, direction->nulls, alias(),
                            false));
          continue;
        }
        if (!function_value.is_object() || !isAggregateFunction(function)) continue;
        for (const auto& [column_view, column_value] : function_value.get_object()) {
          auto column = target_names.columns.find(std::string(column_view));
          auto direction = directionOf(column_value);
          if (column == target_names.columns.end() || !direction) continue;
          std::string column_name = table(target).columns[column->second].column->name;
          std::string related = alias();
          GRAFT_CHECK(keyed(sql::call(function, {sql::col(related, column_name)}),
                            direction->direction, direction->nulls, related, false));
        }
      }
    }
  }
  return keys;
}

}  // namespace graft::planner
