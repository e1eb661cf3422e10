// MutationBuilder: plans one mutation root field as the statements that run it, in order, in
// the mutation's transaction. Its members are split by kind over mutation.cc (dispatch,
// delete, the response), mutation_insert.cc (inserts, nested ones included) and
// mutation_update.cc (update operators, update_many). One builder per root field; not
// thread-safe. Internal to the planner.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "planner/plan.h"
#include "planner/query_builder.h"

namespace graft::planner {

class MutationBuilder {
 public:
  // `slot` numbers the root field within its operation: it names the transaction-local
  // setting through which a field that takes several statements passes their results on.
  MutationBuilder(const schema::RoleSchema& schema, const graphql::VariableValues& variables,
                  const Session& session, uint32_t source, size_t slot, const PlanOptions& options)
      : query_(schema, variables, session, source, options.stringify_numeric_types),
        slot_(slot),
        pretty_sql_(options.pretty_sql),
        data_api_update_(options.data_api_update) {}

  // The field's statements; its JSON is the first column of the last one's row. No statement
  // at all for an update_many of no update, whose JSON is then `[]`.
  Result<std::vector<MutationStatement>> build(const graphql::NormalizedField& field,
                                               const schema::FieldInfo& info,
                                               const std::string& path);

 private:
  // What one statement writes: a DML statement, or a SELECT when there is nothing to write.
  using Dml = std::variant<pg::sql::Insert, pg::sql::Update, pg::sql::Delete, pg::sql::Select>;

  // A row the statement inserts: the CTE that holds it and its 1-based position among that
  // CTE's rows (see mutation_insert.cc for why positions are reliable).
  struct RowRef {
    std::string cte;
    int64_t position;
  };
  // A column whose value is column `key` of a row another CTE of the statement inserts.
  struct LinkedColumn {
    std::string column;
    RowRef row;
    std::string key;
  };
  // One object to insert: its columns (and relationships) as the request gives them, the
  // columns it takes from the rows it is linked to, and its path for errors.
  struct InsertRow {
    const boost::json::object* object;
    std::vector<LinkedColumn> links = {};
    std::string path = {};
  };

  void startTable(uint32_t t);
  pg::sql::TableName tableName(uint32_t t) const;
  // The column a GraphQL name of an input object stands for in table `t` (validation has kept
  // the input to the columns the role may write).
  const pg::Column* column(uint32_t t, const std::string& graphql_name) const;
  const metadata::RolePermissions* permissionsOf(uint32_t t) const;

  // mutation.cc
  Result<MutationStatement> statement(Dml dml, const graphql::NormalizedField& field, bool many,
                                      std::string error_path);
  // `statement` with the permission check over "_m" as a second column when there is one.
  Result<MutationStatement> finish(pg::sql::Select statement, std::string error_path);
  boost::json::object fieldArguments(const graphql::NormalizedField& field) const;
  Result<std::optional<pg::sql::Expr>> filter(const boost::json::object& arguments, bool by_pk,
                                              const std::string& path);
  Result<std::optional<pg::sql::Expr>> withPermissionFilter(uint32_t t, const std::string& alias,
                                                            std::optional<pg::sql::Expr> where,
                                                            const boost::json::value& filter);
  Result<std::vector<std::pair<const pg::Column*, boost::json::value>>> presetValues(
      uint32_t t, const boost::json::object& set);
  Result<pg::sql::Expr> mutationResponse(const graphql::NormalizedField& field,
                                         const std::string& path);
  // The transaction-local setting a field's statements pass their results through.
  std::string settingName() const;
  pg::sql::Expr setting() const;

  // mutation_insert.cc
  Result<std::vector<MutationStatement>> insert(const graphql::NormalizedField& field, bool one,
                                                const std::string& path);
  // INSERT INTO `t` of `rows`, with the role's presets, and ON CONFLICT from `on_conflict`.
  Result<pg::sql::Insert> insertStatement(uint32_t t, const std::string& alias,
                                          const std::vector<InsertRow>& rows,
                                          const boost::json::value* on_conflict,
                                          const std::string& path);
  Result<pg::sql::OnConflict> onConflict(uint32_t t, const std::string& alias,
                                         const boost::json::object& spec, const std::string& path);
  // Nested inserts: CTEs inserting `rows` into `t` (and what they nest) appended to
  // nested_ctes_; where each row is, in the rows' order. `holder` is the path on_conflict
  // sits at. `refs`: the caller needs the rows' positions (to link other rows to them).
  Result<std::vector<RowRef>> insertNested(uint32_t t, std::vector<InsertRow> rows,
                                           const boost::json::value* on_conflict,
                                           const std::string& holder, bool refs);
  // One CTE inserting `rows` (of one table, none linked or all linked alike): INSERT ...
  // VALUES, or with links INSERT ... SELECT from VALUES joined to the rows they link to.
  Result<std::string> insertCte(uint32_t t, const std::vector<InsertRow>& rows,
                                const boost::json::value* on_conflict, const std::string& holder);
  Result<pg::sql::Insert> insertSelect(uint32_t t, const std::string& alias,
                                       const std::vector<InsertRow>& rows);
  bool hasRelationships(uint32_t t, const boost::json::array& objects) const;

  // mutation_update.cc
  // `arguments` are those of an update field, or one update of an update_many, at `path`.
  Result<Dml> update(const boost::json::object& arguments, bool by_pk, const std::string& path);
  Result<std::vector<MutationStatement>> updateMany(const graphql::NormalizedField& field,
                                                    const std::string& path);

  QueryBuilder query_;
  size_t slot_;
  bool pretty_sql_;                       // PlanOptions::pretty_sql
  const DataApiUpdate* data_api_update_;  // PlanOptions::data_api_update
  std::string pretty(const pg::sql::Select& statement) const;
  uint32_t table_ = 0;  // the root field's table
  const pg::Table* pg_table_ = nullptr;
  const metadata::RolePermissions* permissions_ = nullptr;  // null for admin
  std::optional<boost::json::value> check_;  // the insert or update permission's check
  std::string alias_;
  // Set for a response over rows another statement wrote: its affected_rows.
  std::optional<pg::sql::Expr> affected_rows_;
  // Nested inserts: the first statement's CTEs, and those among them that insert, with their
  // table (for affected_rows and the permission checks).
  std::vector<pg::sql::Cte> nested_ctes_;
  std::vector<std::pair<uint32_t, std::string>> inserted_ctes_;
  // Rows that others link to, inserted with on_conflict (which may insert nothing), and the
  // error when one is missing: the first statement's guards.
  struct Guarded {
    RowRef row;
    MutationStatement::Guard guard;
  };
  std::vector<Guarded> guards_;
  void guard(const RowRef& row, std::string message, std::string path);
};

}  // namespace graft::planner
