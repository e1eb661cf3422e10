// The legacy data API's `insert` ({"type": "insert", "args": {table, objects, returning?}} on
// /v1/query and /v2/query): one INSERT of every object into a tracked table, with request
// values as bound parameters. Pure builders; the service runs the statement in its batch.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "common/result.h"
#include "pg/catalog.h"
#include "pg/query_result.h"
#include "pg/statement.h"

namespace graft::metadata {

struct InsertCommand {
  std::string source = "default";
  pg::QualifiedName table;
  pg::Statement statement;  // returns one row: affected_rows, returning (JSON)
};

// Checks the args against the source's metadata entry (the table must be tracked) and
// catalog (every key must be a column).
Result<InsertCommand> buildInsert(const boost::json::object& metadata, const pg::Catalog& catalog,
                                  const boost::json::value& args);

// {"affected_rows": n, "returning": [...]} from the statement's row.
Result<boost::json::value> insertResponse(const pg::QueryResult& result);

}  // namespace graft::metadata
