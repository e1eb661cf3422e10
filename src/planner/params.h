// The bound parameters of one statement: request values become the text form Postgres reads
// for the target type ($n, cast in SQL), never SQL text. One Params per statement being
// planned; not thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::planner {

class Params {
 public:
  // Appends a value and returns its 1-based slot number.
  int add(std::optional<std::string> text);
  const std::vector<std::optional<std::string>>& values() const { return values_; }
  std::vector<std::optional<std::string>> take() { return std::move(values_); }

 private:
  std::vector<std::optional<std::string>> values_;
};

// The text input form of a JSON value for a column of a scalar type: strings as they are,
// numbers and booleans as JSON writes them, objects and arrays as JSON (json, jsonb and
// composite-as-JSON inputs); null becomes SQL NULL.
std::optional<std::string> textOf(const boost::json::value& value);

// A Postgres array literal such as {"a","b\"c",NULL} for `[...]` values (`_in`, array
// columns); nested JSON arrays become nested array literals.
std::string arrayLiteral(const boost::json::array& items);

// Whether a column holds arrays (text[], int4[], ...), whose values are array literals.
inline bool isArrayColumn(const pg::Column& column) { return column.type_category == 'A'; }

}  // namespace graft::planner
