// The GraphQL schema Graft serves for one role, generated from the resolved metadata, with
// what each generated field and type stands for (a table, a column, a relationship, an
// aggregate) so that the planner never looks names up twice. Immutable once built; shared
// between threads through shared_ptr<const RoleSchema>.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/schema.h"
#include "metadata/resolved.h"

namespace graft::schema {

enum class FieldKind : uint8_t {
  kSelect,           // query_root.<table>
  kSelectByPk,       // query_root.<table>_by_pk
  kSelectAggregate,  // query_root.<table>_aggregate
  kColumn,           // <table>.<column>
  kObjectRelationship,
  kArrayRelationship,
  kArrayAggregate,     // <table>.<relationship>_aggregate
  kAggregate,          // <table>_aggregate.aggregate
  kNodes,              // <table>_aggregate.nodes
  kCount,              // <table>_aggregate_fields.count
  kAggregateOperator,  // <table>_aggregate_fields.sum, .avg, ...
  kAggregateColumn,    // <table>_sum_fields.<column>, ...
  kPlaceholder,        // query_root.no_queries_available
  kInsert,             // mutation_root.insert_<table>
  kInsertOne,          // mutation_root.insert_<table>_one
  kUpdate,             // mutation_root.update_<table>
  kUpdateByPk,         // mutation_root.update_<table>_by_pk
  kUpdateMany,         // mutation_root.update_<table>_many
  kDelete,             // mutation_root.delete_<table>
  kDeleteByPk,         // mutation_root.delete_<table>_by_pk
  kAffectedRows,       // <table>_mutation_response.affected_rows
  kReturning,          // <table>_mutation_response.returning
  kFunction,           // query_root.<function>: `index` is the function's in ResolvedSource
  kFunctionAggregate,  // query_root.<function>_aggregate
  kComputedField,      // <table>.<computed field>: `index` is its in ResolvedTable
};

// What a generated field stands for. `table` indexes ResolvedSource::tables; `index` is the
// column's or relationship's position in the table, or the AggregateOperator.
struct FieldInfo {
  FieldKind kind;
  uint32_t source = 0;
  uint32_t table = 0;
  uint32_t index = 0;

  // The field's tag (graphql::Field::tag), which holds the FieldInfo itself so that it means
  // the same in every role's schema (their type bodies are shared): kind + 1 in the top 8
  // bits (0 is an untagged field), then source (12 bits), table (24), index (20).
  static constexpr uint32_t kMaxSources = 1u << 12, kMaxTables = 1u << 24, kMaxIndex = 1u << 20;
  uint64_t tag() const {
    return (static_cast<uint64_t>(kind) + 1) << 56 | static_cast<uint64_t>(source) << 44 |
           static_cast<uint64_t>(table) << 20 | index;
  }
  // REQUIRES: tag != 0.
  static FieldInfo fromTag(uint64_t tag) {
    return {static_cast<FieldKind>((tag >> 56) - 1), static_cast<uint32_t>(tag >> 44) & 0xfff,
            static_cast<uint32_t>(tag >> 20) & 0xffffff, static_cast<uint32_t>(tag) & 0xfffff};
  }
};

enum class AggregateOperator : uint8_t {
  kSum,
  kAvg,
  kMax,
  kMin,
  kStddev,
  kStddevPop,
  kStddevSamp,
  kVarPop,
  kVarSamp,
  kVariance,
};
// The GraphQL field name, which is also the SQL function: "sum", "stddev_pop", ...
std::string_view aggregateOperatorName(AggregateOperator op);

// Name lookups the planner needs for input objects (bool_exp, order_by), which carry no tags.
struct TableNames {
  std::unordered_map<std::string, uint32_t> columns;        // GraphQL name → column index
  std::unordered_map<std::string, uint32_t> relationships;  // name → relationship index
  // Computed fields without arguments besides the row (and session), which filters (and, for
  // scalar ones, orderings) may use: name → computed field index.
  std::unordered_map<std::string, uint32_t> computed_fields;
};

class RoleSchema {
 public:
  const graphql::Schema& schema() const { return *schema_; }
  std::shared_ptr<const graphql::Schema> sharedSchema() const { return schema_; }
  const metadata::Resolved& resolved() const { return *resolved_; }
  std::shared_ptr<const metadata::Resolved> sharedResolved() const { return resolved_; }
  const std::string& role() const { return role_; }
  // The registry of type names and bodies this schema shares with the other roles' schemas of
  // its snapshot; pass it to buildRoleSchema for another role of the same snapshot.
  std::shared_ptr<graphql::TypeRegistry> sharedTypes() const { return types_; }

  // Empty for fields the generator did not tag (introspection, __typename).
  static std::optional<FieldInfo> info(const graphql::Field& field) {
    if (field.tag == 0) return std::nullopt;
    return FieldInfo::fromTag(field.tag);
  }
  // Names of what the role can select (columns, relationships to tables it can select).
  const TableNames& names(uint32_t source, uint32_t table) const { return names_[source][table]; }

  // The role's select permission on a table (its row filter, limit, ...); null for admin,
  // who is unrestricted, and for tables the role cannot select.
  const metadata::SelectPermission* selectPermission(uint32_t source, uint32_t table) const;
  // All of the role's permissions on a table; null for admin and where it has none.
  const metadata::RolePermissions* permissions(uint32_t source, uint32_t table) const;
  bool admin() const { return role_ == "admin"; }

 private:
  friend class RoleSchemaBuilder;
  std::string role_;
  std::shared_ptr<const metadata::Resolved> resolved_;
  std::shared_ptr<const graphql::Schema> schema_;
  std::shared_ptr<graphql::TypeRegistry> types_;
  std::vector<std::vector<TableNames>> names_;
  // By source and table: the role's permissions (null where it has none); empty for admin.
  std::vector<std::vector<const metadata::RolePermissions*>> permissions_;
};

// Generates the schema of `role`: admin sees everything, other roles what their permissions
// allow (build.cc). validation-failed when the metadata yields an invalid GraphQL
// schema (e.g. two tables customised to the same name). Schemas of one snapshot built with the
// same `types` registry store the types they have in common once (null: a registry of its own);
// a registry never forgets what it stored, so it is one per snapshot.
// `backend_only`: the schema of requests that asked for the role's backend-only permissions
// (Session::backend_only), which also has the mutations those permissions allow.
Result<std::shared_ptr<const RoleSchema>> buildRoleSchema(
    std::shared_ptr<const metadata::Resolved> resolved, std::string role,
    std::shared_ptr<graphql::TypeRegistry> types = nullptr, bool backend_only = false);

}  // namespace graft::schema
