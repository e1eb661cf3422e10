// Hasura's check of the GeoJSON a client sends for a geometry or geography value (see
// scalar_input.h): the shapes of RFC 7946 with Hasura's minimums (a Position has 2
// numbers, a LineString 2 Positions, a LinearRing 4 with the last equal to the first), and its
// parse-failed messages and paths. Pure functions; any thread.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>

#include "common/result.h"

namespace graft::schema {

// parse-failed at the offending part of `value` (path + ".coordinates[0]", ...) when it is not
// a GeoJSON geometry.
Status checkGeoJson(const boost::json::value& value, const std::string& path);

}  // namespace graft::schema
