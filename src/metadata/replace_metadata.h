// replace_metadata: checks a whole incoming metadata document against the catalogs the way
// the individual commands would (tables exist, relationships resolve) and lists what does
// not resolve as Hasura's inconsistent objects. The document itself is stored unchanged, so
// sections Graft does not implement yet survive export. Pure; callable from any thread.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <string>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::metadata {

// The catalog of a source Graft serves, or null for a source it does not know.
using CatalogLookup = std::function<const pg::Catalog*(const std::string& source)>;

// Validates `incoming` (Hasura metadata, version 3). A malformed document is an error; objects
// that do not resolve come back as inconsistent objects
// ({"definition","name","reason","type"}), in document order.
Result<boost::json::array> checkMetadata(const boost::json::object& incoming,
                                         const CatalogLookup& catalogs);

}  // namespace graft::metadata
