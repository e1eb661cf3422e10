// replace_metadata: checks a whole incoming metadata document against the catalogs the way
// the individual commands would (tables exist, relationships resolve) and lists what does
// not resolve as Hasura's inconsistent objects. The document itself is stored unchanged, so
// sections Graft does not implement yet survive export. Pure; callable from any thread.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::metadata {

// The catalog of a source Graft serves, or null for a source it does not know.
using CatalogLookup = std::function<const pg::Catalog*(const std::string& source)>;

// One object that does not resolve: Hasura's report ({"definition","reason","type"}) and
// where it sits, so that drop_inconsistent_metadata can remove it.
struct Inconsistency {
  boost::json::object report;
  std::string source;
  std::optional<pg::QualifiedName> table;   // unset for a whole source
  std::optional<std::string> relationship;  // set for a relationship
};

// Validates `incoming` (Hasura metadata, version 3). A malformed document is an error; objects
// that do not resolve come back in document order (a table's relationships are not checked
// when the table itself does not resolve).
Result<std::vector<Inconsistency>> checkMetadata(const boost::json::object& incoming,
                                                 const CatalogLookup& catalogs);

// The reports alone, as get_inconsistent_metadata and replace_metadata show them.
boost::json::array reportsOf(const std::vector<Inconsistency>& found);

// Removes the inconsistent objects from `metadata` (drop_inconsistent_metadata).
void dropInconsistent(boost::json::object& metadata, const std::vector<Inconsistency>& found);

}  // namespace graft::metadata
