#include "demo/demo.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "demo/demo_metadata.h"
#include "demo/demo_sql.h"

namespace graft::demo {
namespace {

namespace bj = boost::json;

std::vector<Relation> withExtra(std::vector<Relation> relations, Relation extra) {
  relations.push_back(std::move(extra));
  return relations;
}

TEST(DemoAssessTest, AnEmptyDatabaseGetsTheDemo) {
  EXPECT_EQ(assess({}).decision, Decision::kLoad);
}

TEST(DemoAssessTest, TheDemoIsKeptEvenWithTablesAddedSince) {
  EXPECT_EQ(assess(demoRelations()).decision, Decision::kKeep);
  EXPECT_EQ(assess(withExtra(demoRelations(), {"public", "notes"})).decision, Decision::kKeep);
}

TEST(DemoAssessTest, UnrelatedTablesAreRefusedByName) {
  Assessment a = assess({{"public", "orders"}, {"shop", "customers"}});
  EXPECT_EQ(a.decision, Decision::kRefuse);
  EXPECT_NE(a.reason.find("public.orders, shop.customers"), std::string::npos) << a.reason;
  EXPECT_NE(a.reason.find("without --demo"), std::string::npos) << a.reason;
}

TEST(DemoAssessTest, ALongListIsShortened) {
  std::vector<Relation> many;
  for (int i = 0; i < 9; ++i) many.push_back({"public", "t" + std::to_string(i)});
  Assessment a = assess(many);
  EXPECT_EQ(a.decision, Decision::kRefuse);
  EXPECT_NE(a.reason.find("public.t4 and 4 more"), std::string::npos) << a.reason;
}

TEST(DemoAssessTest, PartOfTheDemoIsRefusedWithWhatIsMissing) {
  std::vector<Relation> part = demoRelations();
  part.erase(std::find(part.begin(), part.end(), Relation{"hubspot", "deal"}));
  Assessment a = assess(part);
  EXPECT_EQ(a.decision, Decision::kRefuse);
  EXPECT_NE(a.reason.find("missing hubspot.deal"), std::string::npos) << a.reason;
}

TEST(DemoSqlTest, CreatesEveryDemoRelation) {
  std::string_view sql = schemaSql();
  for (const Relation& r : demoRelations()) {
    bool table = sql.find("CREATE TABLE " + r.qualified() + " (") != std::string_view::npos;
    bool view = sql.find("CREATE VIEW " + r.qualified() + " AS") != std::string_view::npos;
    EXPECT_TRUE(table || view) << r.qualified();
  }
}

TEST(DemoMetadataTest, TracksEveryRelationAndRelatesThemBothWays) {
  bj::value bulk = metadataCommands("default");
  ASSERT_EQ(bulk.at("type"), "bulk");
  std::vector<Relation> tracked;
  std::map<std::string, std::string> relationships;  // name -> table
  for (const bj::value& command : bulk.at("args").as_array()) {
    const bj::object& args = command.at("args").as_object();
    EXPECT_EQ(args.at("source"), "default");
    Relation table{std::string(args.at("table").at("schema").as_string()),
                   std::string(args.at("table").at("name").as_string())};
    if (command.at("type") == "pg_track_table") {
      tracked.push_back(table);
    } else {
      relationships[std::string(args.at("name").as_string())] = table.qualified();
      EXPECT_TRUE(args.at("using").as_object().contains("manual_configuration"));
    }
  }
  EXPECT_EQ(tracked, demoRelations());
  EXPECT_EQ(relationships["user_to_contact"], "public.users");
  EXPECT_EQ(relationships["contact_to_user"], "salesforce.contact");
  EXPECT_EQ(relationships["account"], "salesforce.contact");
  EXPECT_EQ(relationships["opportunities"], "salesforce.account");
  EXPECT_EQ(relationships["hubspot_contact"], "salesforce.contact");
  EXPECT_EQ(relationships["salesforce_contact"], "hubspot.contact");
  EXPECT_EQ(relationships["contact_to_association"], "hubspot.contact");
  EXPECT_EQ(relationships["association_to_contact"], "hubspot.associations_contact_deal");
  EXPECT_EQ(relationships["association_to_deal"], "hubspot.associations_contact_deal");
  EXPECT_EQ(relationships["deal_to_association"], "hubspot.deal");
}

TEST(DemoCurlTest, SendsTheExampleQueryOnOneLine) {
  std::string command = curlCommand("http://localhost:8080/v1/graphql", false);
  const std::string prefix = "curl -s http://localhost:8080/v1/graphql -d '";
  ASSERT_EQ(command.substr(0, prefix.size()), prefix) << command;
  ASSERT_EQ(command.back(), '\'');
  std::string body = command.substr(prefix.size(), command.size() - prefix.size() - 1);
  bj::value parsed = bj::parse(body);
  std::string query(parsed.at("query").as_string());
  EXPECT_EQ(query.find('\n'), std::string::npos);
  EXPECT_EQ(query.find("  "), std::string::npos);
  EXPECT_EQ(query.substr(0, 30), "query MyQuery { users(where: {");
}

TEST(DemoCurlTest, SendsTheAdminSecretFromTheEnvironment) {
  std::string command = curlCommand("http://127.0.0.1:9/v1/graphql", true);
  EXPECT_NE(command.find("-H \"x-hasura-admin-secret: $HASURA_GRAPHQL_ADMIN_SECRET\""),
            std::string::npos);
}

}  // namespace
}  // namespace graft::demo
