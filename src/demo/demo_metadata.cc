#include "demo/demo_metadata.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace graft::demo {

namespace bj = boost::json;

namespace {

bj::object tableRef(const std::string& schema, const std::string& name) {
  return bj::object{{"schema", schema}, {"name", name}};
}

bj::object trackTable(const std::string& source, const Relation& r) {
  bj::object args{{"source", source}, {"table", tableRef(r.schema, r.name)}};
  return bj::object{{"type", "pg_track_table"}, {"args", std::move(args)}};
}

// A manual relationship: `kind` is "object" or "array"; `mapping` pairs a column of `table`
// with the column of `remote` it equals. Sync tools write no foreign keys, so every
// relationship of the demo is manual.
bj::object relationship(const std::string& source, const char* kind, const Relation& table,
                        const std::string& name, const Relation& remote, const std::string& column,
                        const std::string& remote_column) {
  bj::object manual{{"remote_table", tableRef(remote.schema, remote.name)},
                    {"column_mapping", bj::object{{column, remote_column}}}};
  bj::object args{{"source", source},
                  {"table", tableRef(table.schema, table.name)},
                  {"name", name},
                  {"using", bj::object{{"manual_configuration", std::move(manual)}}}};
  std::string type = std::string("pg_create_") + kind + "_relationship";
  return bj::object{{"type", type}, {"args", std::move(args)}};
}

const Relation kUsers{"public", "users"};
const Relation kDealsAndContacts{"public", "deals_and_contacts"};
const Relation kAccount{"salesforce", "account"};
const Relation kSfContact{"salesforce", "contact"};
const Relation kOpportunity{"salesforce", "opportunity"};
const Relation kHsContact{"hubspot", "contact"};
const Relation kDeal{"hubspot", "deal"};
const Relation kAssociation{"hubspot", "associations_contact_deal"};

}  // namespace

const std::vector<Relation>& demoRelations() {
  static const std::vector<Relation> relations = [] {
    std::vector<Relation> all = {kAssociation, kHsContact, kDeal,      kDealsAndContacts,
                                 kUsers,       kAccount,   kSfContact, kOpportunity};
    std::sort(all.begin(), all.end());
    return all;
  }();
  return relations;
}

bj::value metadataCommands(const std::string& source) {
  bj::array commands;
  for (const Relation& r : demoRelations()) commands.push_back(trackTable(source, r));
  auto add = [&](const char* kind, const Relation& table, const std::string& name,
                 const Relation& remote, const std::string& column,
                 const std::string& remote_column) {
    commands.push_back(relationship(source, kind, table, name, remote, column, remote_column));
  };
  // Salesforce among itself.
  add("object", kOpportunity, "account", kAccount, "account_id", "id");
  add("array", kAccount, "opportunities", kOpportunity, "id", "account_id");
  add("object", kSfContact, "account", kAccount, "account_id", "id");
  add("array", kAccount, "contacts", kSfContact, "id", "account_id");
  // The application's users and their Salesforce contact, through the typed copy of the
  // contact's text user_id.
  add("object", kUsers, "user_to_contact", kSfContact, "id", "_user_id");
  add("object", kSfContact, "contact_to_user", kUsers, "_user_id", "id");
  // Salesforce and HubSpot contacts, linked by HubSpot's Salesforce integration.
  add("object", kSfContact, "hubspot_contact", kHsContact, "id", "salesforcecontactid");
  add("object", kHsContact, "salesforce_contact", kSfContact, "salesforcecontactid", "id");
  // HubSpot contacts and deals, through the association table.
  add("array", kHsContact, "contact_to_association", kAssociation, "id", "contact_id");
  add("object", kAssociation, "association_to_contact", kHsContact, "contact_id", "id");
  add("object", kAssociation, "association_to_deal", kDeal, "deal_id", "id");
  add("array", kDeal, "deal_to_association", kAssociation, "id", "deal_id");
  return bj::object{{"type", "bulk"}, {"args", std::move(commands)}};
}

std::string_view exampleQuery() {
  return R"(query MyQuery {
  users(where: { id: { _eq: 1 } }) {
    first_name last_name email
    user_to_contact {
      hubspot_contact {
        contact_to_association { association_to_deal { id dealname stage } }
      }
    }
  }
})";
}

std::string curlCommand(std::string_view graphql_url, bool admin_secret) {
  // The query on one line: whitespace runs become one space.
  std::string query;
  for (char c : exampleQuery()) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (query.empty() || query.back() == ' ')) continue;
    query += space ? ' ' : c;
  }
  std::string body = bj::serialize(bj::object{{"query", query}});
  // Single-quoted for the shell: a quote inside becomes '\''.
  std::string quoted = "'";
  for (char c : body) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  std::string command = "curl -s " + std::string(graphql_url);
  if (admin_secret) command += " -H \"x-hasura-admin-secret: $HASURA_GRAPHQL_ADMIN_SECRET\"";
  return command + " -d " + quoted;
}

}  // namespace graft::demo
