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
#include "pg/json_text.h"

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

// The JSON → Postgres text conversions, shared with the metadata APIs' data commands.
using pg::arrayLiteral;
using pg::textOf;

// A column's type as SQL names it in a cast: "schema"."type".
std::string typeText(const pg::Column& column);

// Whether a column holds arrays (text[], int4[], ...), whose values are array literals.
inline bool isArrayColumn(const pg::Column& column) { return column.type_category == 'A'; }

}  // namespace graft::planner
