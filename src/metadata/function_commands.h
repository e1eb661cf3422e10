// Tracked functions and computed fields, as metadata: track_function / untrack_function
// (pg_track_function / pg_untrack_function) and add_computed_field / drop_computed_field (and
// their pg_ forms), checked against the source's catalog and stored as Hasura stores them.
// Serving them in the GraphQL schema is a later issue's. Pure functions; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string_view>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::metadata {

// Whether `name` (without pg_) is one of the commands below.
bool isFunctionCommand(std::string_view name);

// `legacy`: the /v1/query forms, whose args are the function's name itself.
Status runFunctionCommand(boost::json::object& metadata, const pg::Catalog& catalog,
                          std::string_view name, const boost::json::value& args, bool legacy);

// The source a function command's args name ("default" when absent).
std::string functionCommandSource(const boost::json::value& args);

}  // namespace graft::metadata
