#include "metadata/run_sql.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "pg/pool.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

Result<bool> boolField(const bj::object& args, std::string_view key, bool fallback) {
  auto it = args.find(key);
  if (it == args.end() || it->value().is_null()) return fallback;
  if (!it->value().is_bool()) {
    return std::unexpected(
        Error::parseFailed("expected Boolean, but encountered " +
                           std::string(it->value().is_string() ? "String" : "another type"))
            .withPath("$.args." + std::string(key)));
  }
  return it->value().as_bool();
}

bj::value shape(const pg::QueryResult& result) {
  bj::object out;
  if (!result.hasTuples()) {
    out["result_type"] = "CommandOk";
    out["result"] = nullptr;
    return out;
  }
  bj::array rows;
  rows.reserve(static_cast<size_t>(result.rows()) + 1);
  bj::array header;
  for (int c = 0; c < result.columns(); ++c) {
    std::string_view name = result.columnName(c);
    header.emplace_back(name.empty() ? std::string_view("unknown") : name);
  }
  rows.emplace_back(std::move(header));
  for (int r = 0; r < result.rows(); ++r) {
    bj::array row;
    row.reserve(static_cast<size_t>(result.columns()));
    for (int c = 0; c < result.columns(); ++c) {
      // Hasura renders SQL NULL as the text NULL in run_sql results.
      row.emplace_back(result.isNull(r, c) ? std::string_view("NULL") : result.value(r, c));
    }
    rows.emplace_back(std::move(row));
  }
  out["result_type"] = "TuplesOk";
  out["result"] = std::move(rows);
  return out;
}

// Hasura reports a failing run_sql as "query execution failed" (400) with the server's error
// in `internal`; constraint and data errors keep their specific codes.
Error asRunSqlError(Error error) {
  if (error.code() == "postgres-error") {
    Error e("postgres-error", "query execution failed", 400);
    if (error.internal()) e.withInternal(*error.internal());
    return e;
  }
  return error;
}

}  // namespace

Result<RunSqlArgs> parseRunSqlArgs(const bj::value& value) {
  if (!value.is_object()) {
    return std::unexpected(
        Error::parseFailed("expected Object for run_sql arguments").withPath("$.args"));
  }
  const bj::object& args = value.as_object();
  RunSqlArgs out;
  auto sql = args.find("sql");
  if (sql == args.end()) {
    return std::unexpected(
        Error::parseFailed("parsing RunSQL failed, key \"sql\" not found").withPath("$.args"));
  }
  if (!sql->value().is_string()) {
    return std::unexpected(
        Error::parseFailed("expected String for \"sql\"").withPath("$.args.sql"));
  }
  out.sql = std::string(sql->value().as_string());
  if (auto source = args.find("source"); source != args.end() && !source->value().is_null()) {
    if (!source->value().is_string()) {
      return std::unexpected(
          Error::parseFailed("expected String for \"source\"").withPath("$.args.source"));
    }
    out.source = std::string(source->value().as_string());
  }
  GRAFT_TRY(out.cascade, boolField(args, "cascade", false));
  GRAFT_TRY(out.check_metadata_consistency, boolField(args, "check_metadata_consistency", true));
  GRAFT_TRY(out.read_only, boolField(args, "read_only", false));
  return out;
}

boost::asio::awaitable<Result<bj::value>> runSql(pg::PooledConnection& connection,
                                                 RunSqlArgs args) {
  if (args.read_only) {
    auto begin = co_await connection.executeSimple("BEGIN TRANSACTION READ ONLY");
    if (!begin) co_return std::unexpected(asRunSqlError(begin.error()));
  }
  auto results = co_await connection.executeSimple(std::move(args.sql));
  if (args.read_only) {
    // A failed statement aborted the transaction; ROLLBACK ends it either way.
    auto end = co_await connection.executeSimple(results ? "COMMIT" : "ROLLBACK");
    if (results && !end) co_return std::unexpected(asRunSqlError(end.error()));
  }
  if (!results) co_return std::unexpected(asRunSqlError(results.error()));
  if (results->empty()) {
    bj::object out;
    out["result_type"] = "CommandOk";
    out["result"] = nullptr;
    co_return bj::value(std::move(out));
  }
  co_return shape(results->back());
}

}  // namespace graft::metadata
