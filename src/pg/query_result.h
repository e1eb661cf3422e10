// QueryResult: the rows or command status of one statement. It shares ownership of one
// libpq PGresult (freed with PQclear when the last copy goes), so copies are cheap and it may
// be read from any thread; it is immutable.
#pragma once

#include <memory>
#include <string_view>

struct pg_result;

namespace graft::pg {

class QueryResult {
 public:
  QueryResult() = default;
  // Takes ownership of `result` (may be null: an empty result).
  explicit QueryResult(pg_result* result);

  int rows() const;
  int columns() const;
  std::string_view columnName(int column) const;
  // Index of the named column, or -1.
  int columnIndex(std::string_view name) const;
  // The column's type oid.
  unsigned columnType(int column) const;
  bool isNull(int row, int column) const;
  // Text-format value; empty for NULL (check isNull). Valid while a copy of this result lives.
  std::string_view value(int row, int column) const;
  // Whether the statement returns rows (SELECT, ... RETURNING), even zero of them.
  bool hasTuples() const;
  // "INSERT 0 3", "SELECT 2", ...
  std::string_view commandTag() const;
  // Rows affected or returned as the command tag counts them; -1 when the tag has no count.
  long affectedRows() const;

  pg_result* get() const { return result_.get(); }

 private:
  std::shared_ptr<pg_result> result_;
};

}  // namespace graft::pg
