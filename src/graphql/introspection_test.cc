#include "graphql/introspection.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <sstream>

#include "graphql/parser.h"
#include "graphql/schema_builder.h"

namespace graft::graphql {
namespace {

std::string readTestdata(const std::string& name) {
  std::ifstream in(std::string(GRAFT_GRAPHQL_TESTDATA) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class IntrospectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto built = buildSchemaFromSdl(readTestdata("fixture_schema.graphql"));
    ASSERT_TRUE(built) << built.error().message();
    schema_ = *built;
  }

  boost::json::object run(std::string_view query) {
    auto document = parseExecutable(query, arena_);
    EXPECT_TRUE(document);
    auto operation = selectOperation(**document, "");
    auto variables = coerceVariableValues(*schema_, **operation, {});
    auto normalized = normalize(*schema_, **document, **operation, *variables, arena_);
    EXPECT_TRUE(normalized) << normalized.error().message();
    boost::json::object data;
    for (const NormalizedField& field : normalized->fields) {
      EXPECT_TRUE(isIntrospectionField(*schema_, field));
      data.emplace(field.response_key, resolveIntrospectionField(*schema_, field, *variables));
    }
    return data;
  }

  std::shared_ptr<const Schema> schema_;
  Arena arena_;
};

TEST_F(IntrospectionTest, Type) {
  auto data = run(R"({ __type(name: "Root") { kind name description
      fields { name type { kind name ofType { kind name ofType { kind name } } } } } })");
  EXPECT_EQ(boost::json::serialize(data.at("__type").at("kind")), R"("OBJECT")");
  EXPECT_EQ(boost::json::serialize(data.at("__type").at("description")), R"("The query root.")");
  auto fields = data.at("__type").at("fields").as_array();
  ASSERT_EQ(fields.size(), 4u) << "deprecated fields are left out by default";
  EXPECT_EQ(boost::json::serialize(fields[3]),
            R"({"name":"matrix","type":{"kind":"NON_NULL","name":null,"ofType":)"
            R"({"kind":"LIST","name":null,"ofType":{"kind":"LIST","name":null}}}})");
  EXPECT_TRUE(run(R"({ __type(name: "Nope") { name } })").at("__type").is_null());
}

TEST_F(IntrospectionTest, DefaultsDeprecationsAndDirectives) {
  auto data = run(R"({
    a: __type(name: "Root") { fields(includeDeprecated: true) {
      name isDeprecated deprecationReason args(includeDeprecated: true) { name defaultValue isDeprecated } } }
    b: __type(name: "Url") { specifiedByURL }
    c: __type(name: "Episode") { enumValues { name } }
    d: __schema { directives { name isRepeatable locations } queryType { name } mutationType { name } }
  })");
  auto fields = data.at("a").at("fields").as_array();
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_EQ(
      boost::json::serialize(fields[0].at("args")),
      R"([{"name":"episode","defaultValue":"JEDI","isDeprecated":false},)"
      R"({"name":"filter","defaultValue":"{stars: 3, tags: [\"a\", \"b\"]}","isDeprecated":false}])");
  EXPECT_EQ(boost::json::serialize(fields[3]),
            R"({"name":"legacy","isDeprecated":true,"deprecationReason":"Use `hero`.","args":[]})");
  EXPECT_EQ(fields[4].at("deprecationReason"), "No longer supported");
  EXPECT_EQ(fields[4].at("args").as_array()[0].at("isDeprecated"), true);
  EXPECT_EQ(data.at("b").at("specifiedByURL"), "https://url.spec.whatwg.org/");
  EXPECT_EQ(data.at("c").at("enumValues").as_array().size(), 3u);
  auto directives = data.at("d").at("directives").as_array();
  ASSERT_EQ(directives.size(), 6u);
  EXPECT_EQ(
      boost::json::serialize(directives[4]),
      R"({"name":"tag","isRepeatable":true,"locations":["OBJECT","FIELD_DEFINITION","INTERFACE"]})");
  EXPECT_EQ(data.at("d").at("queryType").at("name"), "Root");
}

TEST_F(IntrospectionTest, FullQuery) {
  auto data = run(readTestdata("introspection_query.graphql"));
  const auto& schema = data.at("__schema").as_object();
  EXPECT_EQ(schema.at("subscriptionType").at("name"), "Events");
  bool found_character = false;
  for (const auto& type : schema.at("types").as_array()) {
    if (type.at("name") != "Character") continue;
    found_character = true;
    EXPECT_EQ(boost::json::serialize(type.at("possibleTypes")),
              R"([{"kind":"OBJECT","name":"Human","ofType":null},)"
              R"({"kind":"OBJECT","name":"Droid","ofType":null}])");
    EXPECT_EQ(type.at("interfaces").as_array().size(), 1u);
    EXPECT_TRUE(type.at("inputFields").is_null());
  }
  EXPECT_TRUE(found_character);
}

}  // namespace
}  // namespace graft::graphql
