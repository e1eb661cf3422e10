#include "graphql/normalize.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "graphql/parser.h"
#include "graphql/printer.h"
#include "graphql/schema_builder.h"

namespace graft::graphql {
namespace {

constexpr std::string_view kSdl = R"(
type Query {
  author(id: Int!, limit: Int = 10, order: Order): Author
  search(text: String = "x"): [Result!]!
  node: Node
}
type Mutation { touch: Int }
enum Order { ASC DESC }
interface Node { id: Int! }
type Author implements Node { id: Int! name: String articles(limit: Int): [Article!]! }
type Article implements Node { id: Int! title: String author: Author }
union Result = Author | Article
)";

class NormalizeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto built = buildSchemaFromSdl(kSdl);
    ASSERT_TRUE(built) << built.error().message();
    schema_ = *built;
  }

  // Normalises `query` with `variables_json` and prints it back as a compact tree, e.g.
  // `author(id: 1, limit: 10) { id name }`.
  std::string run(std::string_view query, std::string_view variables_json = "{}",
                  const NormalizeLimits& limits = {}) {
    auto document = parseExecutable(query, arena_);
    if (!document) return "parse error: " + document.error().describe();
    auto operation = selectOperation(**document, "");
    if (!operation) return "error: " + operation.error().message();
    auto variables =
        coerceVariableValues(*schema_, **operation, boost::json::parse(variables_json).as_object());
    if (!variables) return "error: " + variables.error().message();
    variables_ = *variables;
    auto normalized = normalize(*schema_, **document, **operation, variables_, arena_, limits);
    if (!normalized) return "error: " + normalized.error().message();
    std::string out;
    printFields(normalized->fields, out);
    return out;
  }

  void printFields(std::span<const NormalizedField> fields, std::string& out) {
    for (size_t i = 0; i < fields.size(); ++i) {
      const NormalizedField& field = fields[i];
      if (i > 0) out += ' ';
      if (field.response_key != field.name()) out += std::string(field.response_key) + ": ";
      out += field.name();
      if (!field.arguments.empty()) {
        out += '(';
        for (size_t j = 0; j < field.arguments.size(); ++j) {
          if (j > 0) out += ", ";
          out += field.arguments[j].definition->name + ": " +
                 print(*field.arguments[j].value, PrintStyle::kCompact);
        }
        out += ')';
      }
      if (field.selections.size() == 1 &&
          schema_->named(field.definition->type).kind() == TypeKind::kObject) {
        out += " { ";
        printFields(field.fields(), out);
        out += " }";
      } else if (!field.selections.empty()) {
        out += " {";
        for (const TypedSelection& selection : field.selections) {
          out += " " + selection.type->name() + ": { ";
          printFields(selection.fields, out);
          out += " }";
        }
        out += " }";
      }
    }
  }

  std::shared_ptr<const Schema> schema_;
  Arena arena_;
  VariableValues variables_;
};

TEST_F(NormalizeTest, FillsDefaultsAndKeepsVariables) {
  EXPECT_EQ(run("{ author(id: 1) { id name } }"), "author(id: 1, limit: 10) { id name }");
  EXPECT_EQ(run("query($id: Int!) { author(id: $id, limit: 2) { id } }", R"({"id": 5})"),
            "author(id: $id, limit: 2) { id }");
  // An absent variable gives way to the argument's default; a variable default applies.
  EXPECT_EQ(run("query($l: Int) { author(id: 1, limit: $l) { id } }"),
            "author(id: 1, limit: 10) { id }");
  EXPECT_EQ(run("query($l: Int = 3) { author(id: 1, limit: $l) { id } }"),
            "author(id: 1, limit: $l) { id }");
  EXPECT_EQ(variables_.at("l").as_int64(), 3);
}

TEST_F(NormalizeTest, InlinesFragmentsAndMergesFields) {
  EXPECT_EQ(run(R"(
    query { author(id: 1) { ...A name a: id ... on Author { articles { id } } } }
    fragment A on Author { id articles { title } }
  )"),
            "author(id: 1, limit: 10) { id articles { title id } name a: id }");
}

TEST_F(NormalizeTest, AppliesSkipAndInclude) {
  EXPECT_EQ(run(R"(query($no: Boolean!) {
      author(id: 1) { id @skip(if: true) name @include(if: $no) ... @include(if: false) { x: id }
                      ... on Author @skip(if: $no) { y: id } }
    })",
                R"({"no": false})"),
            "author(id: 1, limit: 10) { y: id }");
}

TEST_F(NormalizeTest, SplitsAbstractSelectionsByObjectType) {
  EXPECT_EQ(run(R"({ search { __typename ... on Author { name } ... on Node { id } } })"),
            "search(text: \"x\") { Author: { __typename name id } Article: { __typename id } }");
  EXPECT_EQ(run("{ node { ... on Article { title } } }"), "node { Article: { title } }");
}

TEST_F(NormalizeTest, IntrospectionMetaFields) {
  EXPECT_EQ(run("{ __typename __type(name: \"Author\") { name } __schema { queryType { name } } }"),
            "__typename __type(name: \"Author\") { name } __schema { queryType { name } }");
}

TEST_F(NormalizeTest, SelectsTheOperation) {
  Arena arena;
  auto document = parseExecutable("query A { node { id } } query B { node { id } }", arena);
  ASSERT_TRUE(document);
  EXPECT_EQ((*selectOperation(**document, "B"))->name, "B");
  EXPECT_EQ(selectOperation(**document, "C").error().message(),
            "no such operation found in the document: \"C\"");
  EXPECT_EQ(selectOperation(**document, "").error().message(),
            "exactly one operation has to be present in the document when operationName is not "
            "specified");
}

TEST_F(NormalizeTest, MissingRoots) {
  SchemaBuilder builder;
  builder.object("Query").field("a", "Int");
  builder.setRootTypes("Query");
  auto schema = builder.build();
  ASSERT_TRUE(schema);
  Arena arena;
  auto document = parseExecutable("mutation { a }", arena);
  auto operation = selectOperation(**document, "");
  auto normalized = normalize(**schema, **document, **operation, {}, arena);
  ASSERT_FALSE(normalized);
  EXPECT_EQ(normalized.error().message(), "no mutations exist");
}

TEST_F(NormalizeTest, BoundsFragmentFanOut) {
  // Each fragment spreads the next one twice under different aliases: 2^20 fields.
  std::string query = "{ author(id: 1) { ...F0 } }";
  for (int i = 0; i < 20; ++i) {
    std::string next = "F" + std::to_string(i + 1);
    query += " fragment F" + std::to_string(i) + " on Author { a: articles { author { ..." + next +
             " } } b: articles { author { ..." + next + " } } }";
  }
  query += " fragment F20 on Author { id }";
  NormalizeLimits limits;
  limits.max_depth = 1000;
  EXPECT_NE(run(query, "{}", limits).find("more than 100000 fields"), std::string::npos);
}

TEST_F(NormalizeTest, BoundsDepthThroughFragments) {
  // Each fragment is shallow; the chain of 150 is 300 levels deep.
  std::string query = "{ author(id: 1) { ...F0 } }";
  for (int i = 0; i < 150; ++i) {
    query += " fragment F" + std::to_string(i) + " on Author { articles { author { ...F" +
             std::to_string(i + 1) + " } } }";
  }
  query += " fragment F150 on Author { id }";
  EXPECT_EQ(run(query),
            "error: the query is nested more than 256 levels deep once its fragments "
            "are expanded");
  NormalizeLimits limits;
  limits.max_depth = 1000;
  EXPECT_EQ(run(query, "{}", limits).find("error"), std::string::npos);
}

TEST(Coerce, VariableValues) {
  auto schema = *buildSchemaFromSdl(R"(
    type Query { f(a: In): Int }
    input In { x: Int! y: [String] z: E = B w: ID }
    enum E { A B }
  )");
  Arena arena;
  auto document = parseExecutable("query($v: In!, $n: Int, $m: [Int]) { f(a: $v) }", arena);
  auto& operation = **selectOperation(**document, "");
  auto coerce = [&](std::string_view json) -> std::string {
    auto result = coerceVariableValues(*schema, operation, boost::json::parse(json).as_object());
    if (!result) return result.error().message() + " at " + result.error().path();
    return boost::json::serialize(*result);
  };
  EXPECT_EQ(coerce(R"({"v": {"x": 1, "y": "s", "w": 7}, "m": 4})"),
            R"({"v":{"x":1,"y":["s"],"z":"B","w":"7"},"m":[4]})");
  EXPECT_EQ(coerce(R"({"v": {"x": 1.0}, "n": null})"), R"({"v":{"x":1,"z":"B"},"n":null})");
  EXPECT_EQ(coerce("{}"), "expecting a value for non-nullable variable: \"v\" at $");
  EXPECT_EQ(coerce(R"({"v": {"x": "1"}})"),
            "expected a 32-bit integer for type \"Int\", but found a string at "
            "$.variableValues.v.x");
  EXPECT_EQ(coerce(R"({"v": {"x": 3000000000}})"),
            "expected a 32-bit integer for type \"Int\", but found a number at "
            "$.variableValues.v.x");
  EXPECT_EQ(coerce(R"({"v": {"y": []}})"), "missing required field \"x\" at $.variableValues.v");
  EXPECT_EQ(coerce(R"({"v": {"x": 1, "q": 2}})"),
            "field \"q\" not found in type: 'In' at $.variableValues.v.q");
  EXPECT_EQ(coerce(R"({"v": {"x": 1, "z": "C"}})"),
            "expected one of the values A or B for type \"E\", but found \"C\" at "
            "$.variableValues.v.z");
  EXPECT_EQ(coerce(R"({"v": null})"),
            "expected a non-null value for type \"In!\", but found null at $.variableValues.v");
  EXPECT_EQ(coerce(R"({"v": {"x": 1}, "m": [1, "2"]})"),
            "expected a 32-bit integer for type \"Int\", but found a string at "
            "$.variableValues.m[1]");
}

TEST(Coerce, LiteralToJson) {
  Arena arena;
  auto value = parseValue(R"({a: 1, b: [2.5, "s", ENUM, null, true], c: $v, d: $absent,
                              e: 99999999999999999999})",
                          arena, false);
  ASSERT_TRUE(value);
  VariableValues variables;
  variables["v"] = "var";
  EXPECT_EQ(boost::json::serialize(literalToJson(**value, variables)),
            R"({"a":1,"b":[2.5E0,"s","ENUM",null,true],"c":"var","d":null,"e":1E20})");
}

}  // namespace
}  // namespace graft::graphql
