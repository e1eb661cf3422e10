// QueryBuilder: turns the root fields of one normalised query into the SQL syntax tree of one
// statement — rows as records (ROW(...)) whose JSON Graft writes from their binary form
// along a pg::JsonShape, or as row_to_json where Postgres writes it (aggregates, mutations);
// lists as ARRAY(...) or json_agg over a filtered, ordered and limited base select,
// relationships as correlated subqueries, filters and sort keys from the where/order_by
// arguments. One builder per statement; not thread-safe. Internal to the planner.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/session.h"
#include "graphql/coerce.h"
#include "graphql/normalize.h"
#include "pg/binary_json.h"
#include "pg/sql.h"
#include "planner/params.h"
#include "schema/context.h"

namespace graft::planner {

class QueryBuilder {
 public:
  QueryBuilder(const schema::RoleSchema& schema, const graphql::VariableValues& variables,
               const Session& session, uint32_t source, bool stringify_numeric)
      : schema_(schema),
        variables_(variables),
        session_(session),
        source_(source),
        stringify_numeric_(stringify_numeric) {}

  // The value of one SQL root field (kSelect, kSelectByPk, kSelectAggregate, functions):
  // records described by `shape` where the field's rows can be records, else JSON (`shape`
  // left empty). `path` is the field's Hasura path, e.g. "$.selectionSet.author".
  Result<pg::sql::Expr> rootField(const graphql::NormalizedField& field, const std::string& path,
                                  pg::JsonShape& shape);

  Params& params() { return params_; }

 private:
  // Mutations (mutation.cc) reuse rows, filters and values.
  friend class MutationBuilder;

  // How a list is joined to the row it hangs from: pairs (outer column, inner column).
  struct Correlation {
    std::string outer_alias;
    std::vector<std::pair<std::string, std::string>> columns;
  };

  // Rows read from a set-returning function instead of the table: its arguments in SQL.
  struct FunctionRows {
    const pg::Function* function;
    std::vector<pg::sql::Expr> args;
  };

  const metadata::ResolvedTable& table(uint32_t t) const;
  std::string alias();

  // One row of table `t` exposed as `alias`: a JSON object, or with `shape` a record whose
  // fields `shape` receives (in a record, nested rows are records too).
  Result<pg::sql::Expr> rowObject(uint32_t t, const std::string& alias,
                                  std::span<const graphql::NormalizedField> fields,
                                  const std::string& path, pg::JsonShape* shape = nullptr);
  // Column `c` of table `t` over `alias`, as the role may see it (null on rows an inherited
  // role's parents hide it on).
  Result<pg::sql::Expr> columnValue(uint32_t t, const std::string& alias, uint32_t c);
  // A list of rows (`[...]`, an array of records with `shape`) or an aggregate object over
  // them (JSON whatever `shape`), for the root or a relationship.
  Result<pg::sql::Expr> list(uint32_t t, const std::optional<Correlation>& correlation,
                             const graphql::NormalizedField& field, bool aggregate,
                             const std::string& path,
                             std::optional<FunctionRows> rows = std::nullopt,
                             pg::JsonShape* shape = nullptr);

  // Functions (function.cc): a function's arguments from the field's `args`, the row (of a
  // computed field) and the session; a computed field's value or rows.
  Result<std::vector<pg::sql::Expr>> functionArguments(const pg::Function& function,
                                                       const graphql::NormalizedField* field,
                                                       std::optional<size_t> row_argument,
                                                       const std::string& row_alias,
                                                       std::optional<size_t> session_argument,
                                                       const std::string& path);
  Result<pg::sql::Expr> computedField(uint32_t t, const std::string& row_alias,
                                      const metadata::ResolvedComputedField& computed,
                                      const graphql::NormalizedField* field,
                                      const std::string& path);
  Result<pg::sql::Expr> functionRoot(const schema::FieldInfo& info,
                                     const graphql::NormalizedField& field, bool aggregate,
                                     const std::string& path, pg::JsonShape* shape);
  // The session as Hasura passes it to functions: {"x-hasura-role": ..., variables...}.
  std::string sessionJson() const;
  Result<pg::sql::Expr> byPrimaryKey(uint32_t t, const graphql::NormalizedField& field,
                                     const std::string& path, pg::JsonShape* shape);
  Result<pg::sql::Expr> objectRelationship(uint32_t t, const std::string& alias,
                                           const metadata::ResolvedRelationship& relationship,
                                           const graphql::NormalizedField& field,
                                           const std::string& path, pg::JsonShape* shape);
  // `nodes_rows`: where the role's limit caps the nodes but not the aggregates, the rows the
  // nodes come from.
  Result<pg::sql::Expr> aggregateObject(uint32_t t, const std::string& alias,
                                        const graphql::NormalizedField& field,
                                        std::vector<pg::sql::OrderBy> node_order,
                                        const std::string& path,
                                        std::optional<pg::sql::Select> nodes_rows = std::nullopt);

  // where (bool_exp.cc)
  Result<pg::sql::Expr> boolExp(uint32_t t, const std::string& alias, const boost::json::value& exp,
                                const std::string& path);
  // A column's comparison operators; in a permission also column comparisons, and session
  // variables as operands (permission.cc).
  Result<pg::sql::Expr> comparison(uint32_t t, const metadata::ResolvedColumn& column,
                                   const std::string& alias, const boost::json::object& ops,
                                   const std::string& path);
  std::optional<Result<pg::sql::Expr>> spatialComparison(const std::string& op,
                                                         const boost::json::value& operand,
                                                         const pg::Column& column,
                                                         const pg::sql::Expr& subject,
                                                         const std::string& path);
  // <rel>_aggregate: {count: {arguments, distinct, filter, predicate}} over the related rows.
  Result<pg::sql::Expr> aggregatePredicate(const std::string& row_alias,
                                           const metadata::ResolvedRelationship& rel,
                                           const boost::json::value& exp, const std::string& path);
  std::optional<pg::sql::Expr> ltreeComparison(const std::string& op,
                                               const boost::json::value& operand,
                                               const pg::Column& column,
                                               const pg::sql::Expr& subject);
  pg::sql::Expr join(const std::string& outer_alias, const std::string& inner_alias,
                     const std::vector<std::pair<std::string, std::string>>& columns);

  // Permissions (permission.cc). The role's select filter on table `t` over `alias`, appended
  // to `conditions` (nothing for admin, or a filter of {}).
  Status addRowFilter(uint32_t t, const std::string& alias, std::vector<pg::sql::Expr>& conditions);
  // A permission's boolean expression (filter or check) over `alias`: Postgres column and
  // relationship names, $-prefixed legacy operators, X-Hasura-* session variables as
  // operands, column comparisons (_ceq, ...) and _exists.
  Result<pg::sql::Expr> permissionExp(uint32_t t, const std::string& alias,
                                      const boost::json::value& exp);
  // Inside permissionExp: the operand with its session variables replaced by their values.
  Result<boost::json::value> withSessionValues(const boost::json::value& operand);
  // Inside permissionExp: _ceq, _cne, _cgt, _cge, _clt, _cle; nullopt for other operators.
  std::optional<Result<pg::sql::Expr>> columnComparison(uint32_t t, const std::string& op,
                                                        const boost::json::value& operand,
                                                        const pg::sql::Expr& subject,
                                                        const std::string& path);
  Result<pg::sql::Expr> existsExp(const boost::json::value& operand, const std::string& path);

  // order_by (order_by.cc): sort keys as expressions over `alias`.
  Result<std::vector<pg::sql::OrderBy>> orderBy(uint32_t t, const std::string& alias,
                                                const boost::json::value& spec,
                                                const std::string& path);

  // A request value bound as a parameter of the column's type (or an array of it).
  pg::sql::Expr value(const boost::json::value& json, const pg::Column& column);
  pg::sql::Expr arrayValue(const boost::json::value& json, const pg::Column& column);
  std::optional<boost::json::value> argument(const graphql::NormalizedField& field,
                                             std::string_view name) const;

  const schema::RoleSchema& schema_;
  const graphql::VariableValues& variables_;
  const Session& session_;
  uint32_t source_;
  // While a permission expression is compiled: its table and row alias ("$" in column
  // comparisons refers to them).
  struct PermissionScope {
    uint32_t table;
    std::string alias;
  };
  std::optional<PermissionScope> permission_;
  Params params_;
  int next_alias_ = 0;
  bool stringify_numeric_;

  // A column's value as the response shows it: as text when numeric types are stringified; in
  // a record, as json unless Graft writes the column's type itself.
  pg::sql::Expr output(pg::sql::Expr value, const pg::Column& column, bool in_record = false) const;
  // A json(b) column's value at the `path` argument of its field (json_path.h).
  Result<pg::sql::Expr> jsonPath(pg::sql::Expr value, std::string_view path,
                                 const std::string& field_path);
  // PostGIS columns: GeoJSON in (st_geomfromgeojson) and out (st_asgeojson).
  static bool isSpatial(const pg::Column& column);
  pg::sql::Expr spatialValue(const boost::json::value& json, const pg::Column& column);
  // The comparison operators of `ops` over `subject` (a column, or a column cast by _cast),
  // whose values are of `column`'s type.
  Result<pg::sql::Expr> comparisonOn(const pg::Column& column, const pg::sql::Expr& subject,
                                     const boost::json::object& ops, const std::string& path);
};

}  // namespace graft::planner
