// Input coercion (spec 3.x "Input Coercion" and 6.1.2 CoerceVariableValues): the JSON values
// of a request's variables checked and coerced against their declared types, and literals of
// a validated document turned into JSON with variables substituted. Pure functions; any
// thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "common/result.h"
#include "graphql/ast.h"
#include "graphql/schema.h"

namespace graft::graphql {

// Coerced variable values by name. A variable that was not provided and has no default is
// absent (not null): an argument fed by it falls back to the argument's own default.
using VariableValues = boost::json::object;

// Hasura's rules: a declared variable that is absent takes its default (a nullable one
// without default stays absent); a non-null one without default is an error (`expecting a
// value for non-nullable variable: "id"`); every provided value is coerced to its type.
// REQUIRES: the variable definitions passed validation (known input types).
Result<VariableValues> coerceVariableValues(const Schema& schema,
                                            const ast::OperationDefinition& operation,
                                            const boost::json::object& provided);

// Coerces one JSON value to `type`: Int (32-bit, integral floats accepted), Float, String,
// Boolean, ID (string or integer, as a string), enums (by name), input objects (unknown
// fields rejected, required fields checked, defaults filled), lists (a single value becomes
// a list of one). Custom scalars accept any JSON unchanged. `path` is the JSON path of the
// value for the error, e.g. "$.variableValues.id". `type` is a reference of `schema`.
Result<boost::json::value> coerceInputValue(const Schema& schema, TypeRef type,
                                            const boost::json::value& value,
                                            const std::string& path);

// A literal of a validated document as JSON: enum values become strings, variables take their
// coerced value (an absent one becomes null), object fields keep their order. Ints that do
// not fit in 64 bits and floats become doubles.
boost::json::value literalToJson(const ast::Value& value, const VariableValues& variables);

// "a string", "a number", "an object", "a list", "a boolean", "null": for error messages.
std::string_view describeJson(const boost::json::value& value);

}  // namespace graft::graphql
