// Writing a response's JSON from values Postgres returns in binary format: a query's rows as
// records (ROW(...)) and arrays of records, with their scalars in their binary send form, so
// that Postgres does not build the JSON (row_to_json, json_agg) and Graft writes it in one
// pass. Pure functions over immutable shapes; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace graft::pg {

// What a value's records mean: the keys of their fields, in order. A scalar, JSON or
// array-of-scalars value needs no shape (an empty one).
struct JsonShape {
  // For a field of a record: its key as written in the object, quoted, with the colon
  // ("\"id\":"), and the shape of its own value.
  std::string key;
  // A value known when planning (__typename), as JSON text: written under `key` without
  // taking a field of the record.
  std::optional<std::string> constant;
  // A record's fields, also each element's of an array of records.
  std::vector<JsonShape> fields;

  // A field of a record: `name` quoted and escaped as a JSON key.
  static JsonShape field(std::string_view name);
};

// Appends the JSON of one value of type `type_oid` in binary format (`data`; the caller
// writes null for SQL NULL). Types written: bool, int2/4/8, numeric (a number, or the
// strings "NaN", "Infinity" and "-Infinity" as Postgres' to_json writes them), text, varchar,
// bpchar, name and uuid (strings, escaped as Postgres escapes JSON), json and jsonb (as
// they are), records (objects with `shape`'s keys) and one-dimensional arrays of records.
// Anything else is an unexpected error: the planner turns other types into json in SQL.
// Also an error: a value shorter than its format says, or a record whose fields do not
// match `shape`.
Status appendBinaryJson(std::string_view data, unsigned type_oid, const JsonShape& shape,
                        std::string& out);

// Whether appendBinaryJson writes values of this type (else the planner asks for to_json), by
// oid or by pg_type's schema and name.
bool hasBinaryJson(unsigned type_oid);
bool hasBinaryJson(std::string_view type_schema, std::string_view type_name);

// Appends `text` as a JSON string, escaped exactly as Postgres' escape_json does (so that
// responses are byte-for-byte what to_json would give).
void appendJsonString(std::string_view text, std::string& out);

}  // namespace graft::pg
