// The <table>_aggregate types: aggregate fields per operator and their order_by inputs.

#include "schema/builder.h"

namespace graft::schema {

// Which columns an aggregate operator applies to, and the type of its result.
bool RoleSchemaBuilder::appliesTo(AggregateOperator op, const ScalarInfo& scalar) {
  return op == AggregateOperator::kMax || op == AggregateOperator::kMin ? scalar.comparable
                                                                        : scalar.numeric;
}
std::string RoleSchemaBuilder::resultType(AggregateOperator op, const ScalarInfo& scalar) {
  bool same = op == AggregateOperator::kMax || op == AggregateOperator::kMin ||
              op == AggregateOperator::kSum;
  return same ? scalar.name : "Float";
}

// Hasura orders the operators avg, count, max, min, then the rest alphabetically.
void RoleSchemaBuilder::addAggregateTypes(uint32_t s, uint32_t t, const std::string& base,
                                          const std::string& quoted,
                                          const std::vector<ScalarInfo>& scalars) {
  const metadata::ResolvedTable& info = table(s, t);
  const TableAccess& allowed = access(s, t);
  auto aggregate = builder_.object(base + "_aggregate");
  aggregate.description("aggregated selection of " + quoted);
  aggregate.field("aggregate", base + "_aggregate_fields", {}, tag({FieldKind::kAggregate, s, t}));
  aggregate.field("nodes", "[" + base + "!]!", {}, tag({FieldKind::kNodes, s, t}));

  // Hasura's order: avg, count, max, min, then the rest alphabetically.
  static constexpr AggregateOperator kOrder[] = {
      AggregateOperator::kAvg,     AggregateOperator::kMax,       AggregateOperator::kMin,
      AggregateOperator::kStddev,  AggregateOperator::kStddevPop, AggregateOperator::kStddevSamp,
      AggregateOperator::kSum,     AggregateOperator::kVarPop,    AggregateOperator::kVarSamp,
      AggregateOperator::kVariance};
  auto fields = builder_.object(base + "_aggregate_fields");
  fields.description("aggregate fields of " + quoted);
  auto order_by = builder_.inputObject(base + "_aggregate_order_by");
  order_by.description("order by aggregate values of table " + quoted);
  for (AggregateOperator op : kOrder) {
    std::string op_name(aggregateOperatorName(op));
    if (op == AggregateOperator::kMax) {  // count sits between avg and max
      auto count = fields.field("count", "Int!", {}, tag({FieldKind::kCount, s, t}));
      if (allowed.any_column) count.argument("columns", "[" + base + "_select_column!]");
      count.argument("distinct", "Boolean");
      order_by.inputField("count", "order_by");
    }
    bool any = false;
    for (uint32_t c = 0; c < scalars.size(); ++c) {
      any = any || (allowed.columns[c] && appliesTo(op, scalars[c]));
    }
    if (!any) continue;
    auto op_fields = builder_.object(base + "_" + op_name + "_fields");
    op_fields.description("aggregate " + op_name + " on columns");
    auto op_order = builder_.inputObject(base + "_" + op_name + "_order_by");
    op_order.description("order by " + op_name + "() on columns of table " + quoted);
    for (uint32_t c = 0; c < info.columns.size(); ++c) {
      if (!allowed.columns[c] || !appliesTo(op, scalars[c])) continue;
      op_fields.field(info.columns[c].graphql_name, resultType(op, scalars[c]), {},
                      tag({FieldKind::kAggregateColumn, s, t, c}));
      op_order.inputField(info.columns[c].graphql_name, "order_by");
    }
    fields.field(op_name, base + "_" + op_name + "_fields", {},
                 tag({FieldKind::kAggregateOperator, s, t, static_cast<uint32_t>(op)}));
    order_by.inputField(op_name, base + "_" + op_name + "_order_by");
  }
}

}  // namespace graft::schema
