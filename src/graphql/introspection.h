// Introspection: the values of `__schema`, `__type(name:)` and `__typename` served from the
// schema model, as the October 2021 spec defines them (descriptions, deprecations,
// specifiedByURL, isRepeatable, default values printed as GraphQL literals). Pure functions
// over a read-only Schema; any thread.
#pragma once

#include <boost/json/value.hpp>

#include "graphql/coerce.h"
#include "graphql/normalize.h"
#include "graphql/schema.h"

namespace graft::graphql {

// The value of one root field whose definition is the schema's __schema or __type field.
// REQUIRES: `field` comes from normalize() against `schema`.
boost::json::value resolveIntrospectionField(const Schema& schema, const NormalizedField& field,
                                             const VariableValues& variables);

// True for the root fields resolveIntrospectionField answers.
bool isIntrospectionField(const Schema& schema, const NormalizedField& field);

}  // namespace graft::graphql
