#include "planner/plan.h"

#include <boost/json/serialize.hpp>
#include <charconv>

#include "graphql/introspection.h"
#include "planner/query_builder.h"

namespace graft::planner {

namespace sql = pg::sql;

std::optional<Error> MutationStatement::failure(const pg::QueryResult& answer) const {
  if (!guards.empty() && !answer.isNull(0, columns() - 1)) {
    std::string_view text = answer.value(0, columns() - 1);
    size_t number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    if (number >= 1 && number <= guards.size()) {
      return Error::notSupported(guards[number - 1].message).withPath(guards[number - 1].path);
    }
  }
  if (checked && !answer.isNull(0, 1) && answer.value(0, 1) != "t") {
    return Error::permissionError(
               "Check constraint violation. insert/update check constraint failed")
        .withPath("$");
  }
  return std::nullopt;
}

Status appendFieldJson(const RootFieldPlan& field, const pg::QueryResult& answer, bool binary,
                       std::string& out) {
  if (!field.column) {
    out += field.value;
  } else if (answer.isNull(0, *field.column)) {
    out += "null";
  } else if (!binary) {
    out += answer.value(0, *field.column);
  } else {
    static const pg::JsonShape kNoShape;
    return pg::appendBinaryJson(answer.value(0, *field.column), answer.columnType(*field.column),
                                field.shape ? *field.shape : kNoShape, out);
  }
  return ok();
}

Result<Plan> planQuery(const schema::RoleSchema& schema,
                       const graphql::NormalizedOperation& operation,
                       const graphql::VariableValues& variables, const Session& session,
                       const PlanOptions& options) {
  Plan plan;
  std::optional<uint32_t> source;
  // The source is known only once a table's root field is met; the builder needs it first.
  for (const graphql::NormalizedField& field : operation.fields) {
    std::optional<schema::FieldInfo> info = schema.info(*field.definition);
    if (!info || info->kind == schema::FieldKind::kPlaceholder) continue;
    if (source && *source != info->source) {
      return std::unexpected(Error::notSupported(
          "root fields of several databases in one query are not supported yet"));
    }
    source = info->source;
  }
  QueryBuilder builder(schema, variables, session, source.value_or(0),
                       options.stringify_numeric_types);
  sql::Select statement;
  for (const graphql::NormalizedField& field : operation.fields) {
    RootFieldPlan root{std::string(field.response_key), std::nullopt, {}, nullptr};
    std::optional<schema::FieldInfo> info = schema.info(*field.definition);
    if (!info) {
      if (graphql::isIntrospectionField(schema.schema(), field)) {
        root.value = boost::json::serialize(
            graphql::resolveIntrospectionField(schema.schema(), field, variables));
      } else {  // __typename
        root.value = boost::json::serialize(boost::json::value(operation.root->name()));
      }
    } else if (info->kind == schema::FieldKind::kPlaceholder) {
      root.value = boost::json::serialize(boost::json::value(
          "There are no queries available to the current role. Either there are no sources or "
          "remote schemas configured, or the current role doesn't have the required "
          "permissions."));
    } else {
      auto shape = std::make_shared<pg::JsonShape>();
      GRAFT_TRY(auto expr, builder.rootField(field, "$.selectionSet." + root.response_key, *shape));
      root.shape = std::move(shape);
      root.column = static_cast<int>(statement.items.size());
      statement.items.push_back({std::move(expr), root.response_key});
    }
    plan.fields.push_back(std::move(root));
  }
  if (!statement.items.empty()) {
    plan.source = *source;
    if (options.pretty_sql) plan.pretty_sql = sql::toPrettySql(statement);
    plan.statement = pg::Statement(sql::toSql(statement), builder.params().take());
    plan.statement->binary_results = true;
  }
  return plan;
}

}  // namespace graft::planner
