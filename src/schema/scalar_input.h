// Hasura's checks of the values a client gives for Postgres types its parsers know: GeoJSON for
// geometry and geography (geojson.h) and label paths for ltree. The schema's
// graphql::ScalarInputCheck, run on variables while they are coerced and on literals while the
// document is validated, so a bad value is a parse-failed error before any SQL. Pure; any thread.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>

#include "common/result.h"
#include "graphql/schema.h"

namespace graft::schema {

// parse-failed at `path` (or inside it) when `value` is not a valid `scalar`; ok for scalars
// without a check.
Status checkScalarInput(const graphql::NamedType& scalar, const boost::json::value& value,
                        const std::string& path);

}  // namespace graft::schema
