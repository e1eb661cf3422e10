#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationDirectivesAreDefined, KnownDirectivesAreValid) {
  EXPECT_EQ(
      errorsOf("query Q @cached(ttl: 5) { dog { name @skip(if: false) ...F @include(if: true) "
               "} } fragment F on Dog { barks }"),
      Errors{});
}

// Hasura's test corpus: graphql_query/basic/select_query_author_wrong_directive_err.yaml.
TEST(ValidationDirectivesAreDefined, UnknownDirectiveIsReportedAtItsLocation) {
  EXPECT_EQ(errorsOf("query { author { id @exclude(if: true) name } }"),
            (Errors{{"directive \"exclude\" is not defined in the schema",
                     "$.selectionSet.author.selectionSet"}}));
  EXPECT_EQ(errorsOf("query Q @unknown { dog { name } }"),
            (Errors{{"directive \"unknown\" is not defined in the schema", "$"}}));
  EXPECT_EQ(errorsOf("{ dog { ...F @unknown ... @unknown { name } } } fragment F on Dog { name }"),
            (Errors{{"directive \"unknown\" is not defined in the schema",
                     "$.selectionSet.dog.selectionSet"},
                    {"directive \"unknown\" is not defined in the schema",
                     "$.selectionSet.dog.selectionSet"}}));
}

TEST(ValidationDirectivesAreDefined, DirectivesOfASelectionSetComeBeforeItsFields) {
  EXPECT_EQ(firstErrorOf("{ dog { nope name @exclude } }"),
            (Errors{{"directive \"exclude\" is not defined in the schema",
                     "$.selectionSet.dog.selectionSet"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
