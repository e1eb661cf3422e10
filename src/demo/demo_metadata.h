// What the demo puts in a database and in the metadata: its relations, the metadata commands
// that track and relate them, and the example query that the README and the start-up banner
// show. Immutable data and pure functions, callable from any thread.
#pragma once

#include <boost/json/value.hpp>
#include <compare>
#include <string>
#include <string_view>
#include <vector>

namespace graft::demo {

struct Relation {
  std::string schema;
  std::string name;

  std::string qualified() const { return schema + "." + name; }
  auto operator<=>(const Relation&) const = default;
};

// The tables and the view that schemaSql() creates, sorted.
const std::vector<Relation>& demoRelations();

// One /v1/metadata `bulk` on `source`: pg_track_table for every demo relation and the manual
// relationships between them (both directions), the way a user would send them.
boost::json::value metadataCommands(const std::string& source);

// The README's example query, as printed there: a user, their Salesforce contact, the HubSpot
// contact the Salesforce integration linked to it, and that contact's deals.
std::string_view exampleQuery();

// A ready-to-paste shell command that sends exampleQuery() to `graphql_url`. With
// `admin_secret`, it sends the secret from $HASURA_GRAPHQL_ADMIN_SECRET.
std::string curlCommand(std::string_view graphql_url, bool admin_secret);

}  // namespace graft::demo
