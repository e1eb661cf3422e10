// RoleSchemaBuilder: generates one role's GraphQL schema from the resolved metadata, keeping
// only what the role's permissions allow (admin: everything). Internal to the schema module;
// its member functions are split by concern over build.cc (tables and root fields),
// build_types.cc (scalars and comparison expressions), build_aggregates.cc and
// build_mutations.cc. One builder per schema; not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "graphql/schema_builder.h"
#include "schema/context.h"
#include "schema/scalars.h"

namespace graft::schema {

class RoleSchemaBuilder {
 public:
  RoleSchemaBuilder(std::shared_ptr<const metadata::Resolved> resolved, std::string role,
                    std::shared_ptr<graphql::TypeRegistry> types, bool backend_only);
  Result<std::shared_ptr<const RoleSchema>> build();

 private:
  // What the role may do with one table, from its permissions (admin may do everything).
  struct TableAccess {
    bool select = false;        // the row type, its filters and orderings exist
    std::vector<bool> columns;  // selectable columns
    bool any_column = false;    // <t>_select_column exists (distinct_on, count(columns:))
    bool orderable = false;     // <t>_order_by has a field (order_by exists)
    bool aggregations = false;  // <t>_aggregate and <relationship>_aggregate
    bool root_list = false, root_by_pk = false, root_aggregate = false;
    bool insert = false, update = false, delete_ = false;
    bool upsert = false;  // on_conflict: inserting roles that may also update
    // Writable columns the role may set (columns with a preset excluded).
    std::vector<bool> insert_columns, update_columns;
  };
  TableAccess accessTo(uint32_t s, uint32_t t) const;
  const TableAccess& access(uint32_t s, uint32_t t) const { return access_[s][t]; }
  bool admin() const { return out_->role_ == "admin"; }

  static uint64_t tag(FieldInfo info) { return info.tag(); }
  // validation-failed when an index does not fit in a field's tag.
  Result<void> checkTagLimits() const;
  const metadata::ResolvedTable& table(uint32_t s, uint32_t t) const;
  // Hasura's default: the table name in public, <schema>_<table> elsewhere.
  static std::string baseName(const metadata::ResolvedTable& table);
  static std::string quotedTable(const metadata::ResolvedTable& table);
  // distinct_on, limit, offset, order_by, where: the arguments of every list of rows of
  // table t (distinct_on and order_by only where the role has something to give them).
  void listArguments(graphql::ArgumentsBuilder args, uint32_t s, uint32_t t);
  // After every table's access is known: whether its order_by input has any field.
  bool orderable(uint32_t s, uint32_t t) const;

  // build.cc: a table's row type, filters, orderings and query_root fields.
  void addTable(uint32_t s, uint32_t t);
  void addRootFields(uint32_t s, uint32_t t, const std::string& base, const std::string& quoted);
  // <t>_aggregate_bool_exp (count with arguments, distinct, filter and predicate), made once.
  std::string aggregateBoolExp(uint32_t s, uint32_t t);

  // build_functions.cc: tracked functions on query_root, computed fields on a row type.
  void addFunctions(uint32_t s);
  void addComputedFields(uint32_t s, uint32_t t, graphql::TypeBuilder row);
  // <function>_args for the arguments a request gives (all but the row's and the session's);
  // empty when there are none, else the type's name.
  std::string argumentsType(const pg::Function& function, std::optional<size_t> row_argument,
                            std::optional<size_t> session_argument);
  bool computedFieldAllowed(uint32_t s, uint32_t t, const std::string& name) const;

  // build_types.cc
  // The GraphQL enum `<t>_enum` of an enum table, made once; false when the table has no value
  // that can be an enum value (the column then keeps its scalar type).
  bool ensureEnum(const metadata::ResolvedTable& enum_table);
  void ensureScalar(const std::string& name);
  // <S>_comparison_exp, once per scalar.
  std::string comparisonType(const ScalarInfo& scalar);
  void addSpatialOperators(const std::string& type, const std::string& exp_name);
  void addLtreeOperators(const std::string& exp_name);
  void addOrderByEnum();

  // build_aggregates.cc
  static bool appliesTo(AggregateOperator op, const ScalarInfo& scalar);
  static std::string resultType(AggregateOperator op, const ScalarInfo& scalar);
  void addAggregateTypes(uint32_t s, uint32_t t, const std::string& base, const std::string& quoted,
                         const std::vector<ScalarInfo>& scalars);

  // build_mutations.cc
  graphql::TypeBuilder mutationRoot();
  static bool writable(const pg::Column& column);
  bool upsertable(uint32_t s, uint32_t t) const;
  void addMutations(uint32_t s, uint32_t t, const std::string& base, const std::string& quoted,
                    const std::vector<ScalarInfo>& scalars);
  void addInsert(uint32_t s, uint32_t t, const std::string& base, const std::string& quoted,
                 const std::vector<ScalarInfo>& scalars);
  void addUpdate(uint32_t s, uint32_t t, const std::string& base, const std::string& quoted,
                 const std::vector<ScalarInfo>& scalars);

  std::unique_ptr<RoleSchema> out_;
  graphql::SchemaBuilder builder_;
  std::vector<std::vector<TableAccess>> access_;
  std::set<std::string> scalars_;
  std::set<std::string> comparisons_;
  bool backend_only_;  // Session::backend_only: backend-only permissions apply
  bool any_root_field_ = false;
  bool any_mutation_ = false;
};

}  // namespace graft::schema
