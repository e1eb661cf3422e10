#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationKnownFragmentNames, DefinedFragmentsAreValid) {
  EXPECT_EQ(errorsOf("{ human(id: 4) { ...H ... on Human { ...H } } } "
                     "fragment H on Human { name relatives { ...N } } fragment N on Human { iq }"),
            Errors{});
}

TEST(ValidationKnownFragmentNames, UndefinedFragmentIsReportedAtTheSelectionSet) {
  EXPECT_EQ(
      errorsOf("{ dog { ...Missing } }"),
      (Errors{{"reference to undefined fragment \"Missing\"", "$.selectionSet.dog.selectionSet"}}));
  EXPECT_EQ(
      errorsOf("{ pet { ... on Dog { ...Missing } } }"),
      (Errors{{"reference to undefined fragment \"Missing\"", "$.selectionSet.pet.selectionSet"}}));
}

TEST(ValidationKnownFragmentNames, PathGoesThroughTheFragmentsSpread) {
  EXPECT_EQ(errorsOf("{ dog { ...F } } fragment F on Dog { owner { ...Missing } ...Other }"),
            (Errors{{"reference to undefined fragment \"Missing\"",
                     "$.selectionSet.dog.selectionSet.F.selectionSet.owner.selectionSet"},
                    {"reference to undefined fragment \"Other\"",
                     "$.selectionSet.dog.selectionSet.F.selectionSet"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
