// `graft serve --demo`: puts the demo data set (demo_sql.h) and its metadata (demo_metadata.h)
// into the default source, once. What to do is decided from the relations the database
// already holds; every change goes through MetadataService as ordinary run_sql and metadata
// commands. Stateless; call from a coroutine before the server accepts requests.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "demo/demo_metadata.h"

namespace graft::metadata {
class MetadataService;
}

namespace graft::demo {

enum class Decision {
  kLoad,    // the database holds no table or view of its own: create and fill the demo's
  kKeep,    // the demo is there already (perhaps with tables added since): change nothing
  kRefuse,  // the database holds something else: the demo must not touch it
};

struct Assessment {
  Decision decision = Decision::kRefuse;
  std::string reason;  // for kRefuse: what is in the way and what to do instead
};

// Pure. `existing`: the database's own tables and views (outside the system schemas and
// hdb_catalog, not owned by an extension). A database counts as holding the demo when every
// demo relation is present; then anything else is the user's own addition and is left alone.
Assessment assess(const std::vector<Relation>& existing);

struct Outcome {
  bool loaded_data = false;       // the SQL ran (first start)
  bool applied_metadata = false;  // the demo's tables were tracked and related
};

// Loads what is missing: the data when the database is empty, the metadata when no demo
// relation is tracked (so a failure between the two heals on the next start, and metadata the
// user edited is kept). Refuses, changing nothing, when assess() says so.
boost::asio::awaitable<Result<Outcome>> load(std::shared_ptr<metadata::MetadataService> service);

}  // namespace graft::demo
