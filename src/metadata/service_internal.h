// Internals shared by the files that implement MetadataService (service.cc,
// service_sources.cc, service_commands.cc): the per-request Batch and small helpers. Not for
// use outside the metadata module.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/error.h"
#include "metadata/service.h"
#include "pg/catalog.h"
#include "pg/pool.h"

namespace graft::metadata {

namespace bj = boost::json;

// What one request (a command, or a whole bulk) has done so far: the SQL it ran sits in an
// open transaction per source, and metadata changes in a working copy, so that a failure
// anywhere leaves both untouched.
struct MetadataService::Batch {
  long base_version = 0;
  std::optional<bj::object> metadata;  // the working copy, once a command changed it
  std::map<std::string, pg::PooledConnection> connections;  // per source, inside BEGIN
  // Catalogs as the batch sees them, per source; run_sql on a source forgets its catalog.
  struct SourceCatalog {
    pg::Catalog catalog;
    // Read whole inside the batch's transaction; otherwise the service's last catalog with
    // the tables in `fresh` read again inside it.
    bool whole = false;
    std::vector<pg::QualifiedName> fresh;
  };
  std::map<std::string, SourceCatalog> catalogs;
  std::set<std::string> sql_ran;  // sources run_sql changed: read their catalogs whole
  bool wrote_data = false;        // run_sql or an insert ran: not to be applied twice
  bool sources_changed = false;   // a source's pool was made: undone if the batch fails

  int depth = 0;               // bulk nesting
  bool reload = false;         // reload_metadata ran: re-check consistency at the end
  int report_consistency = 0;  // 1: add is_consistent to the result; 2: and the objects
};

// Re-roots an error raised inside the command at `prefix` ("$.args[2]"): "$.args.sql"
// becomes "$.args[2].args.sql".
inline Error nested(Error error, const std::string& prefix) {
  error.withPath(prefix + error.path().substr(1));
  return error;
}

inline bj::object success() {
  bj::object out;
  out["message"] = "success";
  return out;
}

}  // namespace graft::metadata
