// The demo data set as SQL: Salesforce and HubSpot synced into schemas `salesforce` and
// `hubspot` next to the application's `public.users`, a few hundred deterministic rows each.
// Immutable text, callable from any thread.
#pragma once

#include <string_view>

namespace graft::demo {

// One script for one transaction (run_sql): creates the demo's schemas, tables and view and
// fills them. Fails, changing nothing, if any of them already exists.
std::string_view schemaSql();

}  // namespace graft::demo
