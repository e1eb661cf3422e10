// The table-tracking commands: track_table / pg_track_table and untrack_table /
// pg_untrack_table. They edit a metadata document (Hasura's JSON, version 3) after checking
// the source's catalog. Pure functions of their inputs; callable from any thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::metadata {

// A table reference in Hasura's two spellings: "name" (schema public) or {schema?, name}.
Result<pg::QualifiedName> parseTableName(const boost::json::value& value, const std::string& path);

struct TrackTableArgs {
  std::string source = "default";
  pg::QualifiedName table;
  boost::json::object extra;  // configuration, is_enum, ...: kept as given
};

struct UntrackTableArgs {
  std::string source = "default";
  pg::QualifiedName table;
  bool cascade = false;
};

// `legacy`: the /v1/query form, which also accepts {"schema","name"} at the top of args.
Result<TrackTableArgs> parseTrackTableArgs(const boost::json::value& args, bool legacy);
Result<UntrackTableArgs> parseUntrackTableArgs(const boost::json::value& args);

// Hasura's error for a command's arguments: `code`, `message`, HTTP 400, at `path`.
Error argsError(std::string code, std::string message, std::string path = "$.args");

// A table as Hasura's messages quote it: "author", "hubspot.deal".
std::string quoted(const pg::QualifiedName& name);

// The tracked entry of `table` among a source entry's tables, or null.
boost::json::object* trackedEntry(boost::json::object& source, const pg::QualifiedName& table);
const boost::json::object* trackedEntry(const boost::json::object& source,
                                        const pg::QualifiedName& table);

// The relationship (object or array) named `name` of a tracked table entry, or null.
boost::json::object* findRelationship(boost::json::object& entry, std::string_view name);

// The `source` (default "default") and `table` keys most commands carry.
struct TableRef {
  std::string source = "default";
  pg::QualifiedName table;
};
Result<TableRef> parseTableRef(const boost::json::value& args);

// The tracked entry ({"table", "configuration", relationships, ...}) of `table`, or Hasura's
// not-exists error at $.args.table.
Result<boost::json::object*> findTrackedTable(boost::json::object& metadata, const TableRef& ref);

// The metadata's entry for `source` (Hasura's {"name","kind","tables",...}), or an error.
Result<boost::json::object*> findSourceEntry(boost::json::object& metadata,
                                             const std::string& source);

// Adds the table's entry. `check_tracked` false: the caller knows the table is not tracked yet
// (checking means searching every entry of the source).
Status trackTable(boost::json::object& metadata, const pg::Catalog& catalog,
                  const TrackTableArgs& args, bool check_tracked = true);
Status untrackTable(boost::json::object& metadata, const UntrackTableArgs& args);

}  // namespace graft::metadata
