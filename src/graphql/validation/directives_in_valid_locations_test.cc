#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationDirectivesInValidLocations, EveryExecutableLocation) {
  EXPECT_EQ(errorsOf("query Q($v: Int @onVariableDefinition) @onQuery { "
                     "complicatedArgs @onField { intArgField(intArg: $v) } "
                     "dog { ...F @onFragmentSpread ... @onInlineFragment { name } } } "
                     "fragment F on Dog @onFragmentDefinition { name }"),
            Errors{});
  EXPECT_EQ(errorsOf("mutation @onMutation { addPet(name: \"x\") { name } }"), Errors{});
  EXPECT_EQ(errorsOf("subscription @onSubscription { tick }"), Errors{});
}

// Hasura's test corpus: graphql_query/basic/select_query_author_wrong_directive_err.yaml.
TEST(ValidationDirectivesInValidLocations, OperationDirective) {
  EXPECT_EQ(errorsOf("query @include(if: true) { author { id name } }"),
            (Errors{{"directive \"include\" is not allowed on a query", "$"}}));
  EXPECT_EQ(errorsOf("mutation @onQuery { addPet(name: \"x\") { name } }"),
            (Errors{{"directive \"onQuery\" is not allowed on a mutation", "$"}}));
  EXPECT_EQ(errorsOf("subscription @onQuery { tick }"),
            (Errors{{"directive \"onQuery\" is not allowed on a subscription", "$"}}));
}

TEST(ValidationDirectivesInValidLocations, SelectionDirectives) {
  EXPECT_EQ(errorsOf("{ dog @onQuery { name } }"),
            (Errors{{"directive \"onQuery\" is not allowed on a field", "$.selectionSet"}}));
  EXPECT_EQ(errorsOf("{ dog { ... @onField { name } } }"),
            (Errors{{"directive \"onField\" is not allowed on an inline fragment",
                     "$.selectionSet.dog.selectionSet"}}));
  EXPECT_EQ(errorsOf("{ dog { ...F @onInlineFragment } } fragment F on Dog { name }"),
            (Errors{{"directive \"onInlineFragment\" is not allowed on a fragment spread",
                     "$.selectionSet.dog.selectionSet"}}));
}

TEST(ValidationDirectivesInValidLocations, DefinitionDirectives) {
  EXPECT_EQ(errorsOf("query Q($v: Int @onField) { complicatedArgs { intArgField(intArg: $v) } }"),
            (Errors{{"directive \"onField\" is not allowed on a variable definition", "$"}}));
  EXPECT_EQ(errorsOf("{ dog { ...F } } fragment F on Dog @onField { name }"),
            (Errors{{"directive \"onField\" is not allowed on a fragment definition",
                     "$.selectionSet.dog.selectionSet.F"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
