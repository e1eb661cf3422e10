#include "planner/query_builder.h"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "pg/quote.h"
#include "planner/json_path.h"
#include "schema/scalars.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;
using graphql::NormalizedField;
using schema::FieldKind;

namespace {

// json_build_object takes at most 100 arguments; wider objects are concatenated as jsonb,
// which keeps every key but not their order (only aggregate objects of 50+ fields get there).
sql::Expr jsonObject(std::vector<std::pair<std::string, sql::Expr>> pairs) {
  constexpr size_t kMaxPairs = 50;
  std::vector<sql::Expr> chunks;
  for (size_t start = 0; start < pairs.size() || start == 0; start += kMaxPairs) {
    std::vector<sql::Expr> args;
    for (size_t i = start; i < std::min(pairs.size(), start + kMaxPairs); ++i) {
      args.push_back(sql::str(pairs[i].first));
      args.push_back(std::move(pairs[i].second));
    }
    chunks.push_back(sql::call("json_build_object", std::move(args)));
    if (pairs.empty()) break;
  }
  if (chunks.size() == 1) return std::move(chunks.front());
  sql::Expr merged = sql::cast(std::move(chunks[0]), "jsonb");
  for (size_t i = 1; i < chunks.size(); ++i) {
    merged = sql::op(sql::BinaryOp::kConcat, std::move(merged),
                     sql::cast(std::move(chunks[i]), "jsonb"));
  }
  return sql::cast(std::move(merged), "json");
}

// Postgres' identifier length (NAMEDATALEN - 1): longer column aliases are truncated.
constexpr size_t kMaxIdentifierBytes = 63;

}  // namespace

bool QueryBuilder::isSpatial(const pg::Column& column) {
  return column.type_name.name == "geometry" || column.type_name.name == "geography";
}

sql::Expr QueryBuilder::spatialValue(const bj::value& json, const pg::Column& column) {
  // PostGIS values travel as GeoJSON, as Hasura takes and gives them; geometry's own input
  // reads GeoJSON (SRID 0 without a crs, where st_geomfromgeojson would say 4326).
  std::optional<std::string> text;
  if (!json.is_null()) {
    text = json.is_string() ? std::string(json.get_string()) : bj::serialize(json);
  }
  if (column.type_name.name == "geography") {
    // geography's input does not read GeoJSON; st_geomfromgeojson does (as SRID 4326).
    return sql::cast(
        sql::call("st_geomfromgeojson", {sql::param(params_.add(std::move(text)), "text")}),
        typeText(column));
  }
  return sql::param(params_.add(std::move(text)), typeText(column));
}

sql::Expr QueryBuilder::output(sql::Expr value, const pg::Column& column, bool in_record) const {
  const std::string& type = column.type_name.name;
  // Hasura's GeoJSON: up to 15 decimals, the long-form crs when the value has an SRID.
  if (isSpatial(column)) {
    return sql::cast(
        sql::call("st_asgeojson", {std::move(value), sql::integer(15), sql::integer(4)}), "json");
  }
  // Hasura's isBigNum: bigint (and bigserial), numeric, float8 and money.
  if (stringify_numeric_ &&
      (type == "int8" || type == "numeric" || type == "float8" || type == "money")) {
    return sql::cast(std::move(value), "text");
  }
  // Postgres writes the JSON of the types Graft does not (timestamps, arrays, enums, domains,
  // composites...), exactly as row_to_json would.
  if (in_record && !pg::hasBinaryJson(column.type_name.schema, type)) {
    return sql::call("to_json", {std::move(value)});
  }
  return value;
}

Result<sql::Expr> QueryBuilder::jsonPath(sql::Expr value, std::string_view path,
                                         const std::string& field_path) {
  std::optional<std::vector<std::string>> steps = parseJsonPath(path);
  if (!steps) {
    return std::unexpected(
        Error::validationFailed(jsonPathError(path)).withPath(field_path + ".args.path"));
  }
  if (steps->empty()) return value;
  bj::array keys(steps->begin(), steps->end());
  return sql::op(sql::BinaryOp::kExtractPath, std::move(value),
                 sql::param(params_.add(arrayLiteral(keys)), "text[]"));
}

const metadata::ResolvedTable& QueryBuilder::table(uint32_t t) const {
  return schema_.resolved().sources[source_].tables[t];
}

std::string QueryBuilder::alias() { return "_" + std::to_string(next_alias_++); }

std::optional<bj::value> QueryBuilder::argument(const NormalizedField& field,
                                                std::string_view name) const {
  const graphql::NormalizedArgument* argument = field.findArgument(name);
  if (argument == nullptr) return std::nullopt;
  return graphql::literalToJson(*argument->value, variables_);
}

sql::Expr QueryBuilder::value(const bj::value& json, const pg::Column& column) {
  if (isSpatial(column) && !json.is_null()) return spatialValue(json, column);
  // ["a","b"] for a text[] column becomes {"a","b"}; a string is Postgres' own text form.
  return sql::param(params_.add(pg::columnText(json, column)), typeText(column));
}

sql::Expr QueryBuilder::arrayValue(const bj::value& json, const pg::Column& column) {
  bj::array items;
  if (json.is_array()) {
    items = json.get_array();
  } else {
    items.push_back(json);  // a list of one, as GraphQL input coercion allows
  }
  return sql::param(params_.add(arrayLiteral(items)), typeText(column) + "[]");
}

sql::Expr QueryBuilder::join(const std::string& outer_alias, const std::string& inner_alias,
                             const std::vector<std::pair<std::string, std::string>>& columns) {
  std::vector<sql::Expr> equalities;
  for (const auto& [outer, inner] : columns) {
    equalities.push_back(
        sql::op(sql::BinaryOp::kEq, sql::col(outer_alias, outer), sql::col(inner_alias, inner)));
  }
  return sql::and_(std::move(equalities));
}

Result<sql::Expr> QueryBuilder::rootField(const NormalizedField& field, const std::string& path,
                                          pg::JsonShape& shape) {
  std::optional<schema::FieldInfo> info = schema_.info(*field.definition);
  switch (info->kind) {
    case FieldKind::kSelect:
      return list(info->table, std::nullopt, field, false, path, std::nullopt, &shape);
    case FieldKind::kSelectAggregate:
      return list(info->table, std::nullopt, field, true, path);
    case FieldKind::kSelectByPk:
      return byPrimaryKey(info->table, field, path, &shape);
    case FieldKind::kFunction:
      return functionRoot(*info, field, false, path, &shape);
    case FieldKind::kFunctionAggregate:
      return functionRoot(*info, field, true, path, nullptr);
    default:
      return std::unexpected(Error::unexpected("not a root field of a table"));
  }
}

Result<sql::Expr> QueryBuilder::rowObject(uint32_t t, const std::string& row_alias,
                                          std::span<const NormalizedField> fields,
                                          const std::string& path, pg::JsonShape* shape) {
  const metadata::ResolvedTable& info = table(t);
  sql::Select inner;
  for (const NormalizedField& field : fields) {
    std::string key(field.response_key);
    std::string field_path = path + ".selectionSet." + key;
    // In a record: the field's key, and the shape of its value when that is a record too.
    pg::JsonShape* field_shape = nullptr;
    if (shape != nullptr) field_shape = &shape->fields.emplace_back(pg::JsonShape::field(key));
    std::optional<schema::FieldInfo> field_info = schema_.info(*field.definition);
    if (!field_info) {  // __typename
      if (field_shape != nullptr) {
        field_shape->constant = bj::serialize(bj::value(field.parent->name()));
      } else {
        inner.items.push_back({sql::str(field.parent->name()), key});
      }
      continue;
    }
    switch (field_info->kind) {
      case FieldKind::kColumn: {
        const pg::Column& column = *info.columns[field_info->index].column;
        GRAFT_TRY(auto raw, columnValue(t, row_alias, field_info->index));
        if (auto json_path = argument(field, "path"); json_path && json_path->is_string()) {
          GRAFT_TRY(raw, jsonPath(std::move(raw), json_path->get_string(), field_path));
        }
        sql::Expr value = output(std::move(raw), column, shape != nullptr);
        inner.items.push_back({std::move(value), key});
        break;
      }
      case FieldKind::kComputedField: {
        const metadata::ResolvedComputedField& computed = info.computed_fields[field_info->index];
        // Hasura stringifies numeric columns only, not computed fields.
        GRAFT_TRY(auto value, computedField(t, row_alias, computed, &field, field_path));
        // An inherited role sees it only on the rows a parent role listing it sees.
        const metadata::SelectPermission* permission = schema_.selectPermission(source_, t);
        const bj::value* shown = nullptr;
        if (permission != nullptr && !computed.table) {
          auto found = permission->computed_field_filters.find(computed.name);
          if (found != permission->computed_field_filters.end()) shown = &found->second;
        }
        if (shown != nullptr) {
          GRAFT_TRY(auto condition, permissionExp(t, row_alias, *shown));
          std::vector<sql::Case::When> whens;
          whens.push_back({std::move(condition), std::move(value)});
          value = sql::case_(std::move(whens));
        }
        // The function's type may be any: Postgres writes its JSON.
        if (shape != nullptr) value = sql::call("to_json", {std::move(value)});
        inner.items.push_back({std::move(value), key});
        break;
      }
      case FieldKind::kObjectRelationship: {
        GRAFT_TRY(auto related,
                  objectRelationship(t, row_alias, info.relationships[field_info->index], field,
                                     field_path, field_shape));
        inner.items.push_back({std::move(related), key});
        break;
      }
      case FieldKind::kArrayRelationship:
      case FieldKind::kArrayAggregate: {
        const metadata::ResolvedRelationship& rel = info.relationships[field_info->index];
        bool aggregate = field_info->kind == FieldKind::kArrayAggregate;
        GRAFT_TRY(auto related, list(static_cast<uint32_t>(rel.target),
                                     Correlation{row_alias, rel.mapping}, field, aggregate,
                                     field_path, std::nullopt, aggregate ? nullptr : field_shape));
        inner.items.push_back({std::move(related), key});
        break;
      }
      default:
        return std::unexpected(Error::unexpected("unexpected field in a row: " + key));
    }
  }
  if (shape != nullptr) {
    std::vector<sql::Expr> values;
    for (sql::SelectItem& item : inner.items) values.push_back(std::move(item.expr));
    return sql::call("row", std::move(values));
  }
  // row_to_json takes the keys from column aliases, which Postgres cuts at 63 bytes; a longer
  // response key (an alias may be any length) needs json_build_object, as Hasura does.
  bool long_key = std::ranges::any_of(inner.items, [](const sql::SelectItem& item) {
    return item.alias->size() > kMaxIdentifierBytes;
  });
  if (long_key) {
    std::vector<std::pair<std::string, sql::Expr>> pairs;
    for (sql::SelectItem& item : inner.items) pairs.emplace_back(*item.alias, std::move(item.expr));
    return jsonObject(std::move(pairs));
  }
  std::string record = alias();
  sql::Select wrap;
  wrap.items.push_back({sql::wholeRow(record)});
  wrap.from = sql::subselect(std::move(inner), record);
  return sql::call("row_to_json", {sql::subquery(std::move(wrap))});
}

Result<sql::Expr> QueryBuilder::columnValue(uint32_t t, const std::string& row_alias, uint32_t c) {
  sql::Expr value = sql::col(row_alias, table(t).columns[c].column->name);
  // An inherited role sees a column only on the rows where a parent role allowing it does.
  const metadata::SelectPermission* permission = schema_.selectPermission(source_, t);
  if (permission == nullptr || permission->column_filters.empty() ||
      !permission->column_filters[c].is_object()) {
    return value;
  }
  GRAFT_TRY(auto shown, permissionExp(t, row_alias, permission->column_filters[c]));
  std::vector<sql::Case::When> whens;
  whens.push_back({std::move(shown), std::move(value)});
  return sql::case_(std::move(whens));
}

Result<sql::Expr> QueryBuilder::objectRelationship(uint32_t, const std::string& row_alias,
                                                   const metadata::ResolvedRelationship& rel,
                                                   const NormalizedField& field,
                                                   const std::string& path, pg::JsonShape* shape) {
  uint32_t target = static_cast<uint32_t>(rel.target);
  const pg::QualifiedName& name = table(target).table->name;
  std::string related = alias();
  GRAFT_TRY(auto row, rowObject(target, related, field.fields(), path, shape));
  sql::Select select;
  select.items.push_back({std::move(row)});
  select.from = sql::table(name.schema, name.name, related);
  std::vector<sql::Expr> where;
  where.push_back(join(row_alias, related, rel.mapping));
  GRAFT_CHECK(addRowFilter(target, related, where));
  select.where = sql::and_(std::move(where));
  select.limit = sql::integer(1);  // a manual relationship may match several rows
  return sql::subquery(std::move(select));
}

Result<sql::Expr> QueryBuilder::byPrimaryKey(uint32_t t, const NormalizedField& field,
                                             const std::string& path, pg::JsonShape* shape) {
  const metadata::ResolvedTable& info = table(t);
  std::string row_alias = alias();
  std::vector<sql::Expr> keys;
  for (const std::string& key : info.table->primary_key->columns) {
    const metadata::ResolvedColumn* column = info.findColumn(key);
    auto given = argument(field, column->graphql_name);
    if (!given) {
      return std::unexpected(
          Error::validationFailed("missing required field '" + column->graphql_name + "'")
              .withPath(path + ".args"));
    }
    keys.push_back(
        sql::op(sql::BinaryOp::kEq, sql::col(row_alias, key), value(*given, *column->column)));
  }
  GRAFT_CHECK(addRowFilter(t, row_alias, keys));
  GRAFT_TRY(auto row, rowObject(t, row_alias, field.fields(), path, shape));
  sql::Select select;
  select.items.push_back({std::move(row)});
  select.from = sql::table(info.table->name.schema, info.table->name.name, row_alias);
  select.where = sql::and_(std::move(keys));
  return sql::subquery(std::move(select));
}

Result<sql::Expr> QueryBuilder::list(uint32_t t, const std::optional<Correlation>& correlation,
                                     const NormalizedField& field, bool aggregate,
                                     const std::string& path, std::optional<FunctionRows> rows,
                                     pg::JsonShape* shape) {
  const metadata::ResolvedTable& info = table(t);
  std::string base_alias = alias();
  sql::Select base;
  base.items.push_back({sql::star(base_alias)});
  if (rows) {
    const pg::QualifiedName& name = rows->function->name;
    base.from = sql::function(name.schema, name.name, std::move(rows->args), base_alias);
  } else {
    base.from = sql::table(info.table->name.schema, info.table->name.name, base_alias);
  }

  std::vector<sql::Expr> conditions;
  if (correlation) {
    conditions.push_back(join(correlation->outer_alias, base_alias, correlation->columns));
  }
  GRAFT_CHECK(addRowFilter(t, base_alias, conditions));
  if (auto where = argument(field, "where"); where && !where->is_null()) {
    GRAFT_TRY(auto condition, boolExp(t, base_alias, *where, path + ".args.where"));
    conditions.push_back(std::move(condition));
  }
  if (!conditions.empty()) base.where = sql::and_(std::move(conditions));

  std::vector<sql::OrderBy> order;
  if (auto spec = argument(field, "order_by"); spec && !spec->is_null()) {
    GRAFT_TRY(order, orderBy(t, base_alias, *spec, path + ".args.order_by"));
  }
  if (auto distinct = argument(field, "distinct_on"); distinct && !distinct->is_null()) {
    bj::array names = distinct->is_array() ? distinct->get_array() : bj::array{*distinct};
    const schema::TableNames& lookup = schema_.names(source_, t);
    std::vector<std::string> columns;
    for (const bj::value& name : names) {
      auto found = lookup.columns.find(std::string(name.as_string()));
      if (found == lookup.columns.end()) continue;
      columns.push_back(info.columns[found->second].column->name);
    }
    // Postgres needs the DISTINCT ON expressions to lead the ORDER BY (in any order). Hasura's
    // rule: the first n order_by keys (n distinct_on columns) are all columns, and each
    // distinct_on column is among them.
    bool leads = order.empty() || order.size() >= columns.size();
    std::vector<std::string> leading;
    for (size_t i = 0; leads && !order.empty() && i < columns.size(); ++i) {
      const auto* ref = order[i].expr.as<sql::ColumnRef>();
      leads = ref != nullptr && ref->names.size() == 2 && ref->names[0] == base_alias;
      if (leads) leading.push_back(ref->names[1]);
    }
    for (size_t i = 0; leads && !order.empty() && i < columns.size(); ++i) {
      leads = std::ranges::find(leading, columns[i]) != leading.end();
    }
    if (!leads) {
      return std::unexpected(
          Error::validationFailed("\"distinct_on\" columns must match initial \"order_by\" columns")
              .withPath(path + ".args"));
    }
    if (order.empty()) {
      for (const std::string& column : columns)
        order.push_back(sql::asc(sql::col(base_alias, column)));
    }
    for (const std::string& column : columns)
      base.distinct_on.push_back(sql::col(base_alias, column));
  }
  std::optional<int64_t> limit;
  for (const char* name : {"limit", "offset"}) {
    auto given = argument(field, name);
    if (!given || given->is_null()) continue;
    int64_t count = given->is_int64() ? given->get_int64() : 0;
    if (count < 0) {
      // Hasura's limit parser refuses it as not-supported; Hasura sends a negative offset on
      // to Postgres (data-exception), which Graft refuses here instead, as validation-failed.
      bool limit = std::string_view(name) == "limit";
      Error error = limit ? Error::notSupported("unexpected negative value")
                          : Error::validationFailed("unexpected negative value");
      return std::unexpected(error.withPath(path + ".args." + name));
    }
    (std::string_view(name) == "limit" ? base.limit : base.offset) = sql::integer(count);
    if (std::string_view(name) == "limit") limit = count;
  }
  // The role's permission caps the rows it may read at once, whatever the request asks; in an
  // aggregate it caps the `nodes` only, as in Hasura, the aggregates seeing every row.
  std::optional<int64_t> nodes_limit;
  if (const metadata::SelectPermission* permission = schema_.selectPermission(source_, t);
      permission != nullptr && permission->limit && (!limit || *permission->limit < *limit)) {
    if (aggregate) {
      nodes_limit = permission->limit;
    } else {
      base.limit = sql::integer(*permission->limit);
    }
  }

  // Records need no aggregate: the base select itself yields them, in order, and Postgres
  // evaluates the record (its relationships' subqueries) only for the rows the limit keeps.
  if (shape != nullptr && !aggregate) {
    GRAFT_TRY(auto row, rowObject(t, base_alias, field.fields(), path, shape));
    base.items.clear();
    base.items.push_back({std::move(row)});
    base.order_by = std::move(order);
    return sql::arraySubquery(std::move(base));
  }

  // Sort keys the outer aggregate repeats: columns by name, other keys (relationships,
  // aggregates) as extra output columns of the base select.
  std::string row_alias = alias();
  std::vector<sql::OrderBy> outer_order;
  for (size_t i = 0; i < order.size(); ++i) {
    sql::OrderBy& key = order[i];
    const auto* ref = key.expr.as<sql::ColumnRef>();
    if (ref != nullptr && ref->names.size() == 2 && ref->names[0] == base_alias) {
      outer_order.push_back({sql::col(row_alias, ref->names[1]), key.direction, key.nulls});
      base.order_by.push_back(std::move(key));
      continue;
    }
    std::string output = "__order_" + std::to_string(i);
    base.items.push_back({std::move(key.expr), output});
    base.order_by.push_back({sql::col(output), key.direction, key.nulls});
    outer_order.push_back({sql::col(row_alias, output), key.direction, key.nulls});
  }

  std::optional<sql::Select> nodes_rows;
  if (nodes_limit) {
    nodes_rows = base;
    nodes_rows->limit = sql::integer(*nodes_limit);
  }
  sql::Select outer;
  outer.from = sql::subselect(std::move(base), row_alias);
  if (aggregate) {
    GRAFT_TRY(auto object, aggregateObject(t, row_alias, field, std::move(outer_order), path,
                                           std::move(nodes_rows)));
    outer.items.push_back({std::move(object)});
  } else {
    GRAFT_TRY(auto row, rowObject(t, row_alias, field.fields(), path));
    sql::FuncCall agg{.name = "json_agg", .args = {}, .order_by = std::move(outer_order)};
    agg.args.push_back(std::move(row));
    outer.items.push_back({sql::call("coalesce", {sql::call(std::move(agg)), sql::str("[]")})});
  }
  return sql::subquery(std::move(outer));
}

Result<sql::Expr> QueryBuilder::aggregateObject(uint32_t t, const std::string& row_alias,
                                                const NormalizedField& field,
                                                std::vector<sql::OrderBy> node_order,
                                                const std::string& path,
                                                std::optional<sql::Select> nodes_rows) {
  const metadata::ResolvedTable& info = table(t);
  std::vector<std::pair<std::string, sql::Expr>> pairs;
  for (const NormalizedField& part : field.fields()) {
    std::string key(part.response_key);
    std::optional<schema::FieldInfo> part_info = schema_.info(*part.definition);
    if (!part_info) {
      pairs.emplace_back(key, sql::str(part.parent->name()));
    } else if (part_info->kind == FieldKind::kNodes && nodes_rows) {
      // Fewer nodes than rows aggregated: the nodes from their own, limited copy of the rows,
      // in the same order.
      std::string nodes_alias = alias();
      GRAFT_TRY(auto row, rowObject(t, nodes_alias, part.fields(), path + ".selectionSet." + key));
      sql::FuncCall agg{.name = "json_agg", .args = {}};
      for (const sql::OrderBy& key_order : node_order) {
        const auto* ref = key_order.expr.as<sql::ColumnRef>();
        agg.order_by.push_back(
            {sql::col(nodes_alias, ref->names.back()), key_order.direction, key_order.nulls});
      }
      agg.args.push_back(std::move(row));
      sql::Select nodes;
      nodes.items.push_back({sql::call("coalesce", {sql::call(std::move(agg)), sql::str("[]")})});
      nodes.from = sql::subselect(*nodes_rows, nodes_alias);
      pairs.emplace_back(key, sql::subquery(std::move(nodes)));
    } else if (part_info->kind == FieldKind::kNodes) {
      GRAFT_TRY(auto row, rowObject(t, row_alias, part.fields(), path + ".selectionSet." + key));
      // A copy: every `nodes` field (aliases may repeat it) lists the rows in the same order.
      sql::FuncCall agg{.name = "json_agg", .args = {}, .order_by = node_order};
      agg.args.push_back(std::move(row));
      pairs.emplace_back(key, sql::call("coalesce", {sql::call(std::move(agg)), sql::str("[]")}));
    } else if (part_info->kind == FieldKind::kAggregate) {
      std::vector<std::pair<std::string, sql::Expr>> values;
      for (const NormalizedField& function : part.fields()) {
        std::string function_key(function.response_key);
        std::optional<schema::FieldInfo> function_info = schema_.info(*function.definition);
        if (!function_info) {
          values.emplace_back(function_key, sql::str(function.parent->name()));
        } else if (function_info->kind == FieldKind::kCount) {
          auto columns = argument(function, "columns");
          auto distinct = argument(function, "distinct");
          std::vector<sql::Expr> counted;
          if (columns && !columns->is_null()) {
            bj::array names = columns->is_array() ? columns->get_array() : bj::array{*columns};
            const schema::TableNames& lookup = schema_.names(source_, t);
            for (const bj::value& name : names) {
              auto found = lookup.columns.find(std::string(name.as_string()));
              if (found == lookup.columns.end()) continue;
              GRAFT_TRY(auto value, columnValue(t, row_alias, found->second));
              counted.push_back(std::move(value));
            }
          }
          if (counted.empty()) {
            values.emplace_back(function_key, sql::callStar("count"));
            continue;
          }
          sql::FuncCall count{.name = "count"};
          count.distinct = distinct && distinct->is_bool() && distinct->get_bool();
          if (counted.size() == 1) {
            count.args.push_back(std::move(counted.front()));
          } else {
            count.args.push_back(sql::call("row", std::move(counted)));
          }
          values.emplace_back(function_key, sql::call(std::move(count)));
        } else if (function_info->kind == FieldKind::kAggregateOperator) {
          std::string name(schema::aggregateOperatorName(
              static_cast<schema::AggregateOperator>(function_info->index)));
          std::vector<std::pair<std::string, sql::Expr>> per_column;
          for (const NormalizedField& column : function.fields()) {
            std::optional<schema::FieldInfo> column_info = schema_.info(*column.definition);
            std::string column_key(column.response_key);
            if (!column_info) {
              per_column.emplace_back(column_key, sql::str(column.parent->name()));
              continue;
            }
            const pg::Column& pg_column = *info.columns[column_info->index].column;
            // Stringified by the column's type whatever the operator, as Hasura does: avg of a
            // bigint column is a string, avg of an int column a number.
            GRAFT_TRY(auto value, columnValue(t, row_alias, column_info->index));
            per_column.emplace_back(column_key,
                                    output(sql::call(name, {std::move(value)}), pg_column));
          }
          values.emplace_back(function_key, jsonObject(std::move(per_column)));
        }
      }
      pairs.emplace_back(key, jsonObject(std::move(values)));
    }
  }
  return jsonObject(std::move(pairs));
}

}  // namespace graft::planner
