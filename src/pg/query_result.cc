#include "pg/query_result.h"

#include <libpq-fe.h>

#include <charconv>
#include <string>

namespace graft::pg {

QueryResult::QueryResult(pg_result* result) : result_(result, [](pg_result* r) { PQclear(r); }) {}

int QueryResult::rows() const { return result_ ? PQntuples(result_.get()) : 0; }

int QueryResult::columns() const { return result_ ? PQnfields(result_.get()) : 0; }

std::string_view QueryResult::columnName(int column) const {
  const char* name = result_ ? PQfname(result_.get(), column) : nullptr;
  return name ? std::string_view(name) : std::string_view();
}

int QueryResult::columnIndex(std::string_view name) const {
  for (int c = 0; c < columns(); ++c) {
    if (columnName(c) == name) return c;
  }
  return -1;
}

unsigned QueryResult::columnType(int column) const {
  return result_ ? PQftype(result_.get(), column) : 0;
}

bool QueryResult::isNull(int row, int column) const {
  return !result_ || PQgetisnull(result_.get(), row, column) != 0;
}

std::string_view QueryResult::value(int row, int column) const {
  if (!result_) return {};
  // PQgetlength: libpq already knows the length, so no strlen over large JSON values.
  return {PQgetvalue(result_.get(), row, column),
          static_cast<size_t>(PQgetlength(result_.get(), row, column))};
}

bool QueryResult::hasTuples() const {
  return result_ && PQresultStatus(result_.get()) == PGRES_TUPLES_OK;
}

std::string_view QueryResult::commandTag() const {
  return result_ ? std::string_view(PQcmdStatus(result_.get())) : std::string_view();
}

long QueryResult::affectedRows() const {
  if (!result_) return -1;
  std::string_view count = PQcmdTuples(result_.get());
  if (count.empty()) return -1;
  long n = -1;
  std::from_chars(count.data(), count.data() + count.size(), n);
  return n;
}

}  // namespace graft::pg
