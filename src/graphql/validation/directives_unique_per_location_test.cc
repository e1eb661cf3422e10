#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationDirectivesUniquePerLocation, DistinctOrRepeatableDirectivesAreValid) {
  EXPECT_EQ(errorsOf("{ dog @include(if: true) { name @include(if: true) @skip(if: false) } }"),
            Errors{});
  EXPECT_EQ(errorsOf("{ dog { name @tag(name: \"a\") @tag(name: \"b\") } }"), Errors{});
  EXPECT_EQ(errorsOf("{ dog { name @skip(if: false) } dog { name @skip(if: true) } }"), Errors{})
      << "each field has its own location, even when they merge";
}

// Hasura's test corpus: graphql_query/basic/select_query_author_wrong_directive_err.yaml.
TEST(ValidationDirectivesUniquePerLocation, RepeatedDirectivesAreListedOnce) {
  EXPECT_EQ(errorsOf("query { author { id @include(if: true) @include(if: true) name } }"),
            (Errors{{"the following directives are used more than once: include",
                     "$.selectionSet.author.selectionSet"}}));
  EXPECT_EQ(errorsOf("{ dog { name @include(if: true) @skip(if: false) @include(if: true) "
                     "@skip(if: false) @include(if: true) } }"),
            (Errors{{"the following directives are used more than once: include, skip",
                     "$.selectionSet.dog.selectionSet"}}));
  EXPECT_EQ(errorsOf("query Q @onQuery @onQuery { dog { name } }"),
            (Errors{{"the following directives are used more than once: onQuery", "$"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
