// run_sql (the /v2/query and /v1/query command): runs arbitrary SQL on a source and answers in
// Hasura's shape, {"result_type":"TuplesOk","result":[[names],[row values as text]]} or
// {"result_type":"CommandOk","result":null}. Stateless; callable from any coroutine.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "common/result.h"

namespace graft::pg {
class PooledConnection;
}

namespace graft::metadata {

struct RunSqlArgs {
  std::string source = "default";
  std::string sql;
  bool cascade = false;
  bool check_metadata_consistency = true;
  bool read_only = false;
};

// Parses the command's `args` (path "$.args" on errors).
Result<RunSqlArgs> parseRunSqlArgs(const boost::json::value& args);

// Runs the SQL on `connection` (read-only transaction when asked) and shapes the last
// statement's result; the whole SQL is one transaction unless it manages its own.
boost::asio::awaitable<Result<boost::json::value>> runSql(pg::PooledConnection& connection,
                                                          RunSqlArgs args);

}  // namespace graft::metadata
