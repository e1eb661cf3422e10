// The `where` argument (<table>_bool_exp) as a SQL condition over a row alias: columns through
// their comparison operators, _and/_or/_not, and relationships as EXISTS subqueries.
#include <array>
#include <utility>

#include "pg/quote.h"
#include "planner/query_builder.h"
#include "schema/scalars.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;

namespace {

constexpr std::array<std::pair<std::string_view, sql::BinaryOp>, 16> kOperators = {{
    {"_eq", sql::BinaryOp::kEq},
    {"_neq", sql::BinaryOp::kNe},
    {"_gt", sql::BinaryOp::kGt},
    {"_gte", sql::BinaryOp::kGe},
    {"_lt", sql::BinaryOp::kLt},
    {"_lte", sql::BinaryOp::kLe},
    {"_like", sql::BinaryOp::kLike},
    {"_nlike", sql::BinaryOp::kNotLike},
    {"_ilike", sql::BinaryOp::kIlike},
    {"_nilike", sql::BinaryOp::kNotIlike},
    {"_similar", sql::BinaryOp::kSimilarTo},
    {"_nsimilar", sql::BinaryOp::kNotSimilarTo},
    {"_regex", sql::BinaryOp::kRegexMatch},
    {"_iregex", sql::BinaryOp::kRegexIMatch},
    {"_nregex", sql::BinaryOp::kNotRegexMatch},
    {"_niregex", sql::BinaryOp::kNotRegexIMatch},
}};

// A list argument given as a single value is a list of one (GraphQL input coercion).
bj::array listOf(const bj::value& value) {
  return value.is_array() ? value.get_array() : bj::array{value};
}

// Hasura's error for a null operand: its built-in scalars' type mismatch ("expected a string
// for type \"String\", but found null"), its column scalars' "unexpected null value".
Error nullOperand(std::string_view op, const pg::Column& column) {
  std::string type = op == "_is_null"   ? "Boolean"
                     : op == "_has_key" ? "String"
                                        : schema::scalarOf(column).name;
  std::string_view expected = type == "Int"       ? "a 32-bit integer"
                              : type == "Float"   ? "a float"
                              : type == "String"  ? "a string"
                              : type == "Boolean" ? "a boolean"
                                                  : "";
  if (expected.empty()) {
    return Error::validationFailed("unexpected null value for type \"" + type + "\"");
  }
  return Error::validationFailed("expected " + std::string(expected) + " for type \"" + type +
                                 "\", but found null");
}

}  // namespace

// PostGIS: _st_* predicates and _cast between geometry and geography; nullopt when `op` is
// none of them.
std::optional<Result<sql::Expr>> QueryBuilder::spatialComparison(const std::string& op,
                                                                 const bj::value& operand,
                                                                 const pg::Column& column,
                                                                 const sql::Expr& subject,
                                                                 const std::string& path) {
  if (!isSpatial(column)) return std::nullopt;
  static constexpr std::pair<std::string_view, std::string_view> kPredicates[] = {
      {"_st_contains", "st_contains"}, {"_st_crosses", "st_crosses"},
      {"_st_equals", "st_equals"},     {"_st_intersects", "st_intersects"},
      {"_st_overlaps", "st_overlaps"}, {"_st_touches", "st_touches"},
      {"_st_within", "st_within"},     {"_st_3d_intersects", "st_3dintersects"},
  };
  for (const auto& [name, function] : kPredicates) {
    if (op == name) {
      return Result<sql::Expr>(
          sql::call(std::string(function), {subject, spatialValue(operand, column)}));
    }
  }
  if (op == "_st_d_within" || op == "_st_3d_d_within") {
    if (!operand.is_object() || !operand.as_object().contains("distance") ||
        !operand.as_object().contains("from")) {
      return Result<sql::Expr>(std::unexpected(
          Error::validationFailed("expected an object with distance and from").withPath(path)));
    }
    const bj::object& args = operand.as_object();
    std::vector<sql::Expr> call_args;
    call_args.push_back(subject);
    call_args.push_back(spatialValue(args.at("from"), column));
    call_args.push_back(sql::param(params_.add(textOf(args.at("distance"))), "float8"));
    if (column.type_name.name == "geography") {
      auto spheroid = args.find("use_spheroid");
      bool use =
          spheroid == args.end() || !spheroid->value().is_bool() || spheroid->value().as_bool();
      call_args.push_back(sql::boolean(use));
    }
    return Result<sql::Expr>(
        sql::call(op == "_st_d_within" ? "st_dwithin" : "st_3ddwithin", std::move(call_args)));
  }
  if (op == "_cast" && operand.is_object()) {
    std::vector<sql::Expr> parts;
    for (const auto& [target, ops] : operand.as_object()) {
      std::string to(target);
      if ((to != "geometry" && to != "geography") || !ops.is_object()) {
        return Result<sql::Expr>(
            std::unexpected(Error::validationFailed("field \"" + to + "\" not found in type: '" +
                                                    column.type_name.name + "_cast_exp'")
                                .withPath(path + "." + to)));
      }
      pg::Column cast_column = column;
      cast_column.type_name.name = to;
      sql::Expr cast_subject = sql::cast(subject, pg::quoteQualified(column.type_name.schema, to));
      auto condition = comparisonOn(cast_column, cast_subject, ops.as_object(), path + "." + to);
      if (!condition) return Result<sql::Expr>(std::unexpected(condition.error()));
      parts.push_back(std::move(*condition));
    }
    return Result<sql::Expr>(sql::and_(std::move(parts)));
  }
  return std::nullopt;
}

// ltree: ancestors, descendants, lquery and ltxtquery matches; nullopt for other operators.
std::optional<sql::Expr> QueryBuilder::ltreeComparison(const std::string& op,
                                                       const bj::value& operand,
                                                       const pg::Column& column,
                                                       const sql::Expr& subject) {
  if (column.type_name.name != "ltree") return std::nullopt;
  auto typed = [&](std::string_view type, bool list) {
    std::string name = pg::quoteQualified(column.type_name.schema, type);
    if (list) {
      bj::array items = operand.is_array() ? operand.get_array() : bj::array{operand};
      return sql::param(params_.add(arrayLiteral(items)), name + "[]");
    }
    return sql::param(params_.add(textOf(operand)), name);
  };
  if (op == "_ancestor") return sql::op(sql::BinaryOp::kContains, subject, typed("ltree", false));
  if (op == "_ancestor_any") {
    return sql::op(sql::BinaryOp::kContains, subject, typed("ltree", true));
  }
  if (op == "_descendant") {
    return sql::op(sql::BinaryOp::kContainedIn, subject, typed("ltree", false));
  }
  if (op == "_descendant_any") {
    return sql::op(sql::BinaryOp::kContainedIn, subject, typed("ltree", true));
  }
  if (op == "_matches") return sql::op(sql::BinaryOp::kRegexMatch, subject, typed("lquery", false));
  if (op == "_matches_any") {
    return sql::op(sql::BinaryOp::kHasKey, subject, typed("lquery", true));
  }
  if (op == "_matches_fulltext") {
    return sql::op(sql::BinaryOp::kAt, subject, typed("ltxtquery", false));
  }
  return std::nullopt;
}

Result<sql::Expr> QueryBuilder::boolExp(uint32_t t, const std::string& row_alias,
                                        const bj::value& exp, const std::string& path) {
  if (!exp.is_object()) {
    return std::unexpected(Error::validationFailed("expected an object").withPath(path));
  }
  const metadata::ResolvedTable& info = table(t);
  const schema::TableNames& names = schema_.names(source_, t);
  std::vector<sql::Expr> parts;
  for (const auto& [key_view, value] : exp.get_object()) {
    // Permissions may use the legacy spelling of the operators: $and, $or, $eq, ...
    std::string key(key_view);
    if (permission_ && key.starts_with('$')) key[0] = '_';
    std::string key_path = path + "." + key;
    if (value.is_null()) continue;  // an absent variable, or null: no condition
    if (key == "_and" || key == "_or") {
      std::vector<sql::Expr> operands;
      bj::array items = listOf(value);
      for (size_t i = 0; i < items.size(); ++i) {
        GRAFT_TRY(auto operand,
                  boolExp(t, row_alias, items[i], key_path + "[" + std::to_string(i) + "]"));
        operands.push_back(std::move(operand));
      }
      parts.push_back(key == "_and" ? sql::and_(std::move(operands))
                                    : sql::or_(std::move(operands)));
      continue;
    }
    if (key == "_not") {
      GRAFT_TRY(auto operand, boolExp(t, row_alias, value, key_path));
      parts.push_back(sql::not_(std::move(operand)));
      continue;
    }
    if (permission_ && key == "_exists") {
      GRAFT_TRY(auto condition, existsExp(value, key_path));
      parts.push_back(std::move(condition));
      continue;
    }
    // A request names what the role can see by GraphQL name; a permission names any column
    // or relationship of the table by its own name.
    const metadata::ResolvedColumn* column = nullptr;
    const metadata::ResolvedRelationship* rel = nullptr;
    if (permission_) {
      column = info.findColumn(key);
      for (const metadata::ResolvedRelationship& candidate : info.relationships) {
        if (column == nullptr && candidate.name == key) rel = &candidate;
      }
    } else if (auto found = names.columns.find(key); found != names.columns.end()) {
      column = &info.columns[found->second];
    } else if (auto found_rel = names.relationships.find(key);
               found_rel != names.relationships.end()) {
      rel = &info.relationships[found_rel->second];
    }
    if (column != nullptr) {
      if (permission_ && !value.is_object()) {  // `column: value` is short for _eq
        bj::object equals;
        equals["_eq"] = value;
        GRAFT_TRY(auto condition, comparison(t, *column, row_alias, equals, key_path));
        parts.push_back(std::move(condition));
        continue;
      }
      if (!value.is_object()) {
        return std::unexpected(Error::validationFailed("expected an object").withPath(key_path));
      }
      GRAFT_TRY(auto condition, comparison(t, *column, row_alias, value.get_object(), key_path));
      parts.push_back(std::move(condition));
      continue;
    }
    if (!permission_ && column == nullptr && rel == nullptr && key.ends_with("_aggregate")) {
      auto found = names.relationships.find(key.substr(0, key.size() - 10));
      if (found != names.relationships.end() && info.relationships[found->second].is_array) {
        GRAFT_TRY(auto condition, aggregatePredicate(row_alias, info.relationships[found->second],
                                                     value, key_path));
        parts.push_back(std::move(condition));
        continue;
      }
    }
    const metadata::ResolvedComputedField* computed = nullptr;
    if (permission_ && column == nullptr && rel == nullptr) {
      for (const metadata::ResolvedComputedField& candidate : info.computed_fields) {
        if (candidate.name == key) computed = &candidate;
      }
    } else if (auto found = names.computed_fields.find(key); found != names.computed_fields.end()) {
      computed = &info.computed_fields[found->second];
    }
    if (computed != nullptr && computed->table) {  // rows of a table: some row matches
      GRAFT_TRY(auto args, functionArguments(*computed->function, nullptr, computed->row_argument,
                                             row_alias, computed->session_argument, key_path));
      uint32_t target = static_cast<uint32_t>(*computed->table);
      std::string related = alias();
      std::vector<sql::Expr> where;
      if (!permission_) {
        GRAFT_CHECK(addRowFilter(target, related, where));
      }
      GRAFT_TRY(auto condition, boolExp(target, related, value, key_path));
      where.push_back(std::move(condition));
      const pg::QualifiedName& function = computed->function->name;
      sql::Select select;
      select.items.push_back({sql::integer(1)});
      select.from = sql::function(function.schema, function.name, std::move(args), related);
      select.where = sql::and_(std::move(where));
      parts.push_back(sql::exists(std::move(select)));
      continue;
    }
    if (computed != nullptr) {  // a scalar computed field compares like a column
      if (!value.is_object()) {
        return std::unexpected(Error::validationFailed("expected an object").withPath(key_path));
      }
      bj::value ops = value;
      if (permission_) {
        GRAFT_TRY(ops, withSessionValues(value));
      }
      GRAFT_TRY(auto subject, computedField(t, row_alias, *computed, nullptr, key_path));
      GRAFT_TRY(auto condition, comparisonOn(schema::columnOfType(computed->function->return_type),
                                             subject, ops.get_object(), key_path));
      parts.push_back(std::move(condition));
      continue;
    }
    if (rel != nullptr) {
      uint32_t target = static_cast<uint32_t>(rel->target);
      const pg::QualifiedName& name = table(target).table->name;
      std::string related = alias();
      std::vector<sql::Expr> where;
      where.push_back(join(row_alias, related, rel->mapping));
      // A request sees only the related rows the role may select; a permission's own
      // traversal is not filtered again, as in Hasura.
      if (!permission_) {
        GRAFT_CHECK(addRowFilter(target, related, where));
      }
      GRAFT_TRY(auto condition, boolExp(target, related, value, key_path));
      where.push_back(std::move(condition));
      sql::Select select;
      select.items.push_back({sql::integer(1)});
      select.from = sql::table(name.schema, name.name, related);
      select.where = sql::and_(std::move(where));
      parts.push_back(sql::exists(std::move(select)));
      continue;
    }
    return std::unexpected(Error::validationFailed("field \"" + key + "\" not found in type: '" +
                                                   info.table->name.name + "_bool_exp'")
                               .withPath(key_path));
  }
  return sql::and_(std::move(parts));
}

Result<sql::Expr> QueryBuilder::aggregatePredicate(const std::string& row_alias,
                                                   const metadata::ResolvedRelationship& rel,
                                                   const bj::value& exp, const std::string& path) {
  if (!exp.is_object()) {
    return std::unexpected(Error::validationFailed("expected an object").withPath(path));
  }
  uint32_t target = static_cast<uint32_t>(rel.target);
  const metadata::ResolvedTable& target_info = table(target);
  std::vector<sql::Expr> parts;
  for (const auto& [function_view, spec] : exp.get_object()) {
    std::string function(function_view);
    std::string function_path = path + "." + function;
    if (spec.is_null()) continue;
    if (function != "count" || !spec.is_object()) {
      return std::unexpected(
          Error::validationFailed("field \"" + function + "\" not found in type: '" +
                                  target_info.table->name.name + "_aggregate_bool_exp'")
              .withPath(function_path));
    }
    const bj::object& count = spec.get_object();
    std::string related = alias();
    // count(*), or count([DISTINCT] the named columns) as the aggregate field counts them.
    sql::FuncCall call{.name = "count"};
    const schema::TableNames& names = schema_.names(source_, target);
    std::vector<sql::Expr> counted;
    if (const bj::value* arguments = count.if_contains("arguments");
        arguments != nullptr && !arguments->is_null()) {
      for (const bj::value& name : listOf(*arguments)) {
        if (!name.is_string()) continue;
        auto found = names.columns.find(std::string(name.get_string()));
        if (found != names.columns.end()) {
          counted.push_back(sql::col(related, target_info.columns[found->second].column->name));
        }
      }
    }
    const bj::value* distinct = count.if_contains("distinct");
    call.distinct = distinct != nullptr && distinct->is_bool() && distinct->get_bool();
    if (counted.empty()) {
      call.star = !call.distinct;
      if (call.distinct) call.args.push_back(sql::wholeRow(related));
    } else if (counted.size() == 1) {
      call.args.push_back(std::move(counted.front()));
    } else {
      call.args.push_back(sql::call("row", std::move(counted)));
    }
    std::vector<sql::Expr> where;
    where.push_back(join(row_alias, related, rel.mapping));
    GRAFT_CHECK(addRowFilter(target, related, where));
    if (const bj::value* filter = count.if_contains("filter");
        filter != nullptr && !filter->is_null()) {
      GRAFT_TRY(auto condition, boolExp(target, related, *filter, function_path + ".filter"));
      where.push_back(std::move(condition));
    }
    sql::Select select;
    select.items.push_back({sql::call(std::move(call))});
    select.from = sql::table(target_info.table->name.schema, target_info.table->name.name, related);
    select.where = sql::and_(std::move(where));
    const bj::value* predicate = count.if_contains("predicate");
    if (predicate == nullptr || !predicate->is_object()) {
      return std::unexpected(
          Error::validationFailed("missing required field 'predicate'").withPath(function_path));
    }
    GRAFT_TRY(auto condition, comparisonOn(schema::columnOfType({"pg_catalog", "int8"}),
                                           sql::subquery(std::move(select)),
                                           predicate->get_object(), function_path + ".predicate"));
    parts.push_back(std::move(condition));
  }
  return sql::and_(std::move(parts));
}

Result<sql::Expr> QueryBuilder::comparisonOn(const pg::Column& pg_column,
                                             const sql::Expr& column_expr, const bj::object& ops,
                                             const std::string& path) {
  std::vector<sql::Expr> parts;
  for (const auto& [op_view, operand] : ops) {
    std::string op(op_view);
    std::string op_path = path + "." + op;
    sql::Expr subject = column_expr;
    if (operand.is_null()) {
      // Hasura v2 refuses a null comparison value (v1 treated it as no condition).
      return std::unexpected(nullOperand(op, pg_column).withPath(op_path));
    }
    bool handled = false;
    for (const auto& [name, binary] : kOperators) {
      if (op != name) continue;
      parts.push_back(sql::op(binary, std::move(subject), value(operand, pg_column)));
      handled = true;
      break;
    }
    if (handled) continue;
    if ((op == "_in" || op == "_nin") && isArrayColumn(pg_column)) {
      // `= ANY(array)` compares with the array's elements, so a list of arrays is one
      // comparison per item: (c = $1 OR c = $2), or (c <> $1 AND c <> $2) for _nin; an empty
      // list is FALSE / TRUE, as ANY / ALL over an empty array are.
      std::vector<sql::Expr> items;
      for (const bj::value& item : listOf(operand)) {
        items.push_back(sql::op(op == "_in" ? sql::BinaryOp::kEq : sql::BinaryOp::kNe, subject,
                                value(item, pg_column)));
      }
      parts.push_back(op == "_in" ? sql::or_(std::move(items)) : sql::and_(std::move(items)));
    } else if (op == "_in") {
      parts.push_back(
          sql::opAny(sql::BinaryOp::kEq, std::move(subject), arrayValue(operand, pg_column)));
    } else if (op == "_nin") {
      parts.push_back(
          sql::opAll(sql::BinaryOp::kNe, std::move(subject), arrayValue(operand, pg_column)));
    } else if (op == "_is_null") {
      bool is_null = operand.is_bool() && operand.get_bool();
      parts.push_back(is_null ? sql::isNull(std::move(subject))
                              : sql::isNotNull(std::move(subject)));
    } else if (op == "_contains") {
      parts.push_back(
          sql::op(sql::BinaryOp::kContains, std::move(subject), value(operand, pg_column)));
    } else if (op == "_contained_in") {
      parts.push_back(
          sql::op(sql::BinaryOp::kContainedIn, std::move(subject), value(operand, pg_column)));
    } else if (op == "_has_key") {
      parts.push_back(sql::op(sql::BinaryOp::kHasKey, std::move(subject),
                              sql::param(params().add(textOf(operand)), "text")));
    } else if (op == "_has_keys_any" || op == "_has_keys_all") {
      bj::array keys = operand.is_array() ? operand.get_array() : bj::array{operand};
      parts.push_back(
          sql::op(op == "_has_keys_any" ? sql::BinaryOp::kHasAnyKeys : sql::BinaryOp::kHasAllKeys,
                  std::move(subject), sql::param(params().add(arrayLiteral(keys)), "text[]")));
    } else if (op == "_cast" && pg_column.type_name.name == "jsonb" && operand.is_object()) {
      // jsonb_cast_exp: {String: String_comparison_exp} over the value's text.
      for (const auto& [target, target_ops] : operand.get_object()) {
        if (target != "String" || !target_ops.is_object()) {
          return std::unexpected(Error::validationFailed("field \"" + std::string(target) +
                                                         "\" not found in type: 'jsonb_cast_exp'")
                                     .withPath(op_path + "." + std::string(target)));
        }
        GRAFT_TRY(auto condition, comparisonOn(schema::columnOfType({"pg_catalog", "text"}),
                                               sql::cast(subject, "text"), target_ops.get_object(),
                                               op_path + ".String"));
        parts.push_back(std::move(condition));
      }
    } else if (auto spatial = spatialComparison(op, operand, pg_column, subject, op_path)) {
      if (!*spatial) return std::unexpected(spatial->error());
      parts.push_back(std::move(**spatial));
    } else if (auto ltree = ltreeComparison(op, operand, pg_column, subject)) {
      parts.push_back(std::move(*ltree));
    } else {
      return std::unexpected(Error::notSupported("the operator \"" + op + "\" is not supported yet")
                                 .withPath(op_path));
    }
  }
  return sql::and_(std::move(parts));
}

}  // namespace graft::planner
