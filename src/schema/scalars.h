// How a Postgres column type appears in the GraphQL schema: Hasura's scalar names (Int,
// Float, String, Boolean for the types GraphQL has; the Postgres name otherwise: bigint,
// numeric, float8, uuid, jsonb, timestamptz, _text for text[], an enum type's own name) and
// which operators and aggregates apply. Pure functions; any thread.
#pragma once

#include <string>

#include "pg/catalog.h"

namespace graft::schema {

struct ScalarInfo {
  std::string name;          // the GraphQL scalar
  bool numeric = false;      // sum, avg, stddev, variance apply
  bool comparable = false;   // min and max apply
  bool text = false;         // _like, _ilike, _similar, _regex and their negations apply
  bool jsonb = false;        // _contains, _contained_in, _has_key(s_any/_all) apply
  bool enumeration = false;  // an enum table's values: equality and membership only
};

ScalarInfo scalarOf(const pg::Column& column);

// A column of the given type, for values that are not a table's columns (function arguments
// and results): the category is inferred from the built-in type names, arrays from a leading _.
pg::Column columnOfType(const pg::QualifiedName& type);

// True for the names GraphQL itself defines (Int, Float, String, Boolean, ID).
bool isBuiltinScalar(const std::string& name);

}  // namespace graft::schema
