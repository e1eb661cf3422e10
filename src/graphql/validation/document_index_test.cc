#include "graphql/validation/document_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graphql/arena.h"
#include "graphql/parser.h"

namespace graft::graphql::validation {
namespace {

const ast::Document& parse(std::string_view source, Arena& arena) {
  auto document = parseExecutable(source, arena);
  EXPECT_TRUE(document.has_value()) << document.error().describe();
  static const ast::Document kEmpty{};
  return document ? **document : kEmpty;
}

TEST(ValidationDocumentIndex, CollectsSpreadsVariablesAndReachableFragments) {
  Arena arena;
  DocumentIndex index(parse(R"(
    query A($x: Int) @d(a: $w) { a(x: $x) { ...F b { ... on T { ...G c(l: [$y, {o: $z}]) } } } }
    query B { ...G }
    fragment F on T @d(a: $v) { ...G }
    fragment G on T { g }
    fragment H on T { ...F })",
                            arena));
  ASSERT_EQ(index.operations().size(), 2u);
  ASSERT_EQ(index.fragments().size(), 3u);
  const DefinitionInfo& a = index.operations()[0];
  ASSERT_EQ(a.spreads.size(), 2u);
  EXPECT_EQ(a.spreads[0].path, ".a.selectionSet");
  EXPECT_EQ(a.spreads[1].path, ".a.selectionSet.b.selectionSet");
  std::vector<std::string_view> variables;
  for (const ast::Variable* variable : a.variables) variables.push_back(variable->name);
  EXPECT_EQ(variables, (std::vector<std::string_view>{"w", "x", "y", "z"}));
  EXPECT_EQ(index.fragments()[0].variables.size(), 1u) << "directives of the definition count";

  EXPECT_EQ(index.findFragment("G"), 1u);
  EXPECT_EQ(index.findFragment("nope"), DocumentIndex::kNone);
  EXPECT_EQ(index.reachableFragments(0), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(index.reachableFragments(1), (std::vector<uint32_t>{1}));
}

TEST(ValidationDocumentIndex, WalkSpreadsEntersEachFragmentOnce) {
  Arena arena;
  DocumentIndex index(parse(R"(
    { a { ...F } b { ...F } }
    fragment F on T { c { ...G } }
    fragment G on T { ...F ...Missing }
    fragment U on T { ...G })",
                            arena));
  std::vector<std::string> seen;
  index.walkSpreads([&](const SpreadEvent& event) {
    std::string line = std::string(event.spread.name) + " at " + std::string(event.path);
    if (event.target == DocumentIndex::kNone) line += " (undefined)";
    if (event.closes_cycle) line += " (cycle)";
    seen.push_back(line);
    return true;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "F at $.selectionSet.a.selectionSet",
                      "G at $.selectionSet.a.selectionSet.F.selectionSet.c.selectionSet",
                      "F at $.selectionSet.a.selectionSet.F.selectionSet.c.selectionSet.G."
                      "selectionSet (cycle)",
                      "Missing at $.selectionSet.a.selectionSet.F.selectionSet.c.selectionSet.G."
                      "selectionSet (undefined)",
                      "F at $.selectionSet.b.selectionSet",
                      "G at $.U.selectionSet",
                  }));
}

}  // namespace
}  // namespace graft::graphql::validation
