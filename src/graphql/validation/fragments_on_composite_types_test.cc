#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationFragmentsOnCompositeTypes, CompositeTypesAreValid) {
  EXPECT_EQ(errorsOf("{ dog { ...D ...P ...U ... on Pet { name } ... { barks } } } "
                     "fragment D on Dog { barks } fragment P on Pet { name } "
                     "fragment U on CatOrDog { __typename }"),
            Errors{});
}

TEST(ValidationFragmentsOnCompositeTypes, FragmentOnLeafOrInputTypeIsReportedAtTheTop) {
  EXPECT_EQ(errorsOf("{ dog { ...F } } fragment F on Boolean { bad }"),
            (Errors{{"fragment \"F\" cannot condition on non composite type 'Boolean'", "$"}}));
  EXPECT_EQ(errorsOf("{ dog { ...F } } fragment F on FurColor { bad }"),
            (Errors{{"fragment \"F\" cannot condition on non composite type 'FurColor'", "$"}}));
  EXPECT_EQ(
      errorsOf("{ dog { ...F } } fragment F on ComplexInput { bad }"),
      (Errors{{"fragment \"F\" cannot condition on non composite type 'ComplexInput'", "$"}}));
}

TEST(ValidationFragmentsOnCompositeTypes, InlineFragmentOnLeafIsReportedWhereItStands) {
  EXPECT_EQ(errorsOf("{ dog { ... on Boolean { bad } } }"),
            (Errors{{"inline fragment cannot condition on non composite type 'Boolean'",
                     "$.selectionSet.dog.selectionSet"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
