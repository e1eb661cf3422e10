// A query plan: how each root field of a normalised operation is answered — a column of the
// one SQL statement sent to the source, or a value known at planning time (__typename,
// introspection). Plain values; built on any thread, executed by the execute module.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/session.h"
#include "graphql/coerce.h"
#include "graphql/normalize.h"
#include "pg/binary_json.h"
#include "pg/query_result.h"
#include "pg/statement.h"
#include "schema/context.h"

namespace graft::planner {

struct RootFieldPlan {
  std::string response_key;
  // The statement's column holding this field's value, or nullopt when `value` holds it.
  std::optional<int> column;
  std::string value;  // serialised JSON
  // With a statement of binary results: how the column's value is written as JSON (records'
  // keys; empty for a JSON value). Shared, as cached plans are copied per request.
  std::shared_ptr<const pg::JsonShape> shape;
};

// Appends the JSON of `field` from the statement's answer (one row): its planned value, null,
// or the column written as JSON (from binary values when `binary`). Errors on a binary value
// that does not match the plan.
Status appendFieldJson(const RootFieldPlan& field, const pg::QueryResult& answer, bool binary,
                       std::string& out);

// One root field of a mutation: a statement yielding one row with the field's JSON in its
// first column.
struct MutationStatement {
  pg::Statement statement;
  std::string pretty_sql;  // with PlanOptions::pretty_sql
  // Where Hasura reports the statement's database errors: the insert's objects, else "$".
  std::string error_path;
  // The row has a second column: whether every row written passes the role's permission
  // check (true or NULL), else the transaction must be rolled back with a permission-error.
  bool checked = false;
  // Hasura's not-supported errors for a nested upsert that did nothing where rows link to its
  // row ("cannot proceed to insert object relation ..."). When there are any, the row has one
  // more column: NULL, or the 1-based number of the first one that applies.
  struct Guard {
    std::string message;
    std::string path;
    bool operator==(const Guard&) const = default;
  };
  std::vector<Guard> guards;

  int columns() const { return 1 + (checked ? 1 : 0) + (guards.empty() ? 0 : 1); }
  // The error the statement's answer row calls for (a failed check, a missing guarded row),
  // if any. REQUIRES: `answer` has one row of columns() columns.
  std::optional<Error> failure(const pg::QueryResult& answer) const;
};

struct Plan {
  std::vector<RootFieldPlan> fields;
  uint32_t source = 0;
  // One SELECT returning one row with one column per SQL root field, in binary format: the
  // fields' rows as records and arrays of records (RootFieldPlan::shape), or JSON (aggregates);
  // absent when no root field needs the database.
  std::optional<pg::Statement> statement;
  // The statement's SQL laid out for /v1/graphql/explain and tests, with
  // PlanOptions::pretty_sql.
  std::string pretty_sql;
  // A mutation instead: one statement per root field that writes, to run in field order in
  // one transaction; such a field's `column` indexes this list.
  std::vector<MutationStatement> mutations;
};

// The v1 data API's update operators that have no GraphQL argument, by column (GraphQL names
// the caller has checked the role may update): $mul sets column = column * value, $default
// sets column = DEFAULT.
struct DataApiUpdate {
  std::vector<std::pair<std::string, boost::json::value>> multiply;
  std::vector<std::string> to_default;
};

// Plans a query operation. Errors are validation-failed with Hasura's paths (e.g. a
// `distinct_on` that does not match `order_by`), or not-supported for root fields of several
// sources in one operation (one statement per source comes later).
struct PlanOptions {
  // HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES: bigint, numeric, float8 and money values (and every
  // aggregate over such a column, as Hasura decides by the column's type) as JSON strings, so
  // that clients lose no precision.
  bool stringify_numeric_types = false;
  // Also lay the SQL out in Plan::pretty_sql and MutationStatement::pretty_sql (explain and
  // tests); requests skip it, as it costs as much as printing the SQL.
  bool pretty_sql = false;
  // Applied by the update root fields of a mutation, besides their GraphQL arguments.
  const DataApiUpdate* data_api_update = nullptr;
};

// `session` supplies the values of the session variables the role's permissions use.
Result<Plan> planQuery(const schema::RoleSchema& schema,
                       const graphql::NormalizedOperation& operation,
                       const graphql::VariableValues& variables, const Session& session,
                       const PlanOptions& options = {});

// Plans a mutation operation (mutation.cc): insert_<t>, insert_<t>_one, update_<t>,
// update_<t>_by_pk, delete_<t> and delete_<t>_by_pk, each as
// WITH "_m" AS (<DML> RETURNING *) SELECT <the field's JSON over "_m">.
Result<Plan> planMutation(const schema::RoleSchema& schema,
                          const graphql::NormalizedOperation& operation,
                          const graphql::VariableValues& variables, const Session& session,
                          const PlanOptions& options = {});

}  // namespace graft::planner
