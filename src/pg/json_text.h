// Request values (JSON) in the text form Postgres reads for a parameter: the one conversion
// that the planner and the metadata APIs' data commands share. Pure functions; any thread.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "pg/catalog.h"

namespace graft::pg {

// The text input form of a JSON value for a column of a scalar type: strings as they are,
// numbers and booleans as JSON writes them, objects and arrays as JSON (json, jsonb and
// composite-as-JSON inputs); null becomes SQL NULL.
std::optional<std::string> textOf(const boost::json::value& value);

// A Postgres array literal such as {"a","b\"c",NULL} for `[...]` values (`_in`, array
// columns); nested JSON arrays become nested array literals.
std::string arrayLiteral(const boost::json::array& items);

// The text for a parameter cast to `column`'s type: JSON for json/jsonb, an array literal for
// an array column given a JSON list, textOf otherwise.
std::optional<std::string> columnText(const boost::json::value& value, const Column& column);

}  // namespace graft::pg
