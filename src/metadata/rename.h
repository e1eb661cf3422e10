// Following renames made by SQL: when run_sql renames a tracked table (the same pg_class oid
// under a new name), the metadata is rewritten to the new name everywhere the source refers to
// it, as Hasura does, instead of reporting the table as gone. Pure functions; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pg/catalog.h"

namespace graft::metadata {

// The renames between two catalogs of one source: (old name, new name) of each table whose
// oid is in both under different names.
std::vector<std::pair<pg::QualifiedName, pg::QualifiedName>> renamedTables(
    const std::unordered_map<unsigned, pg::QualifiedName>& before, const pg::Catalog& after);

// Rewrites every reference to `from` in the source entry (tracked table names, relationships'
// remote tables and foreign-key tables, _exists tables of permissions) to `to`.
void renameTable(boost::json::object& source_entry, const pg::QualifiedName& from,
                 const pg::QualifiedName& to);

}  // namespace graft::metadata
