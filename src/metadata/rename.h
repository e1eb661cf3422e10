// Following renames made by SQL: when run_sql renames a tracked table (the same pg_class oid
// under a new name) or a column (the same attnum under a new name), the metadata is rewritten
// to the new name everywhere the source refers to it, as Hasura does, instead of reporting
// the table or column as gone. Pure functions; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pg/catalog.h"

namespace graft::metadata {

// Rewrites every reference to `from` in the source entry (tracked table names, relationships'
// remote tables and foreign-key tables, _exists tables of permissions) to `to`.
void renameTable(boost::json::object& source_entry, const pg::QualifiedName& from,
                 const pg::QualifiedName& to);

// A table's name and its columns by attnum, as a catalog had them.
struct TableShape {
  pg::QualifiedName name;
  std::map<int, std::string> columns;
};
using TableShapes = std::unordered_map<unsigned, TableShape>;  // by pg_class oid
TableShapes tableShapes(const pg::Catalog& catalog);

// The renames between two catalogs of one source: (old name, new name) of each table whose
// oid is in both under different names.
std::vector<std::pair<pg::QualifiedName, pg::QualifiedName>> renamedTables(
    const TableShapes& before, const pg::Catalog& after);

// Old column name to new, for one table (all of them at once, so that swaps work).
using ColumnRenames = std::map<std::string, std::string>;

// The column renames between two catalogs of one source, by the table's name in `after`.
std::vector<std::pair<pg::QualifiedName, ColumnRenames>> renamedColumns(const TableShapes& before,
                                                                        const pg::Catalog& after);

// Rewrites every reference to the renamed columns of `table` in the source entry: the
// table's column_config and custom_column_names, its relationships' columns and other tables'
// relationships' columns on it, permissions' columns, presets and boolean expressions
// (followed through relationships and _exists to wherever they reach `table`), event
// triggers' columns and remote relationships' fields. `catalog` (after the renames) tells
// where foreign-key relationships lead.
void renameColumns(boost::json::object& source_entry, const pg::Catalog& catalog,
                   const pg::QualifiedName& table, const ColumnRenames& renames);

}  // namespace graft::metadata
