#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationNoUnusedFragments, FragmentsUsedByAnyOperationAreValid) {
  EXPECT_EQ(errorsOf("query A { dog { ...D } } query B { human { ...H } } "
                     "fragment D on Dog { name owner { ...H } } fragment H on Human { name }"),
            Errors{});
}

TEST(ValidationNoUnusedFragments, UnusedFragmentsAreListedInOneError) {
  EXPECT_EQ(errorsOf("{ dog { name } } fragment A on Dog { name } fragment B on Dog { barks }"),
            (Errors{{"following fragment(s) have been defined, but have not been used in the "
                     "query - A, B",
                     "$"}}));
  EXPECT_EQ(errorsOf("{ dog { ...A } } fragment A on Dog { name } fragment B on Dog { ...A }"),
            (Errors{{"following fragment(s) have been defined, but have not been used in the "
                     "query - B",
                     "$"}}))
      << "spreads from unused fragments do not count";
}

TEST(ValidationNoUnusedFragments, UnusedFragmentsAreStillChecked) {
  EXPECT_EQ(
      errorsOf("{ dog { name } } fragment A on Dog { ...B } fragment B on Dog { ...A meows }"),
      (Errors{
          {"cannot spread fragment \"A\" within itself via B,A", "$.A.selectionSet.B.selectionSet"},
          {"following fragment(s) have been defined, but have not been used in the "
           "query - A, B",
           "$"},
          {"field \"meows\" not found in type: 'Dog'", "$.A.selectionSet.B.selectionSet.meows"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
