#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationPossibleFragmentSpreads, OverlappingTypesAreValid) {
  EXPECT_EQ(
      errorsOf("{ dog { ...D ...P ...CD ...DH } pet { ...D } catOrDog { ...P ...DH } } "
               "fragment D on Dog { barks } fragment P on Pet { name } "
               "fragment CD on CatOrDog { __typename } fragment DH on DogOrHuman { __typename }"),
      Errors{});
  EXPECT_EQ(errorsOf("{ pet { ... on Dog { barks } ... on Canine { barkVolume } } "
                     "catOrDog { ... on Being { name } } being { ... on Pet { name } } }"),
            Errors{});
}

TEST(ValidationPossibleFragmentSpreads, DisjointTypesAreRejected) {
  EXPECT_EQ(errorsOf("{ dog { ...F } } fragment F on Cat { meows }"),
            (Errors{{"cannot spread fragment \"F\" defined on 'Cat' when selecting fields of type "
                     "'Dog'",
                     "$.selectionSet.dog.selectionSet"}}));
  EXPECT_EQ(errorsOf("{ catOrDog { ...F } } fragment F on HumanOrAlien { __typename }"),
            (Errors{{"cannot spread fragment \"F\" defined on 'HumanOrAlien' when selecting "
                     "fields of type 'CatOrDog'",
                     "$.selectionSet.catOrDog.selectionSet"}}));
  EXPECT_EQ(errorsOf("{ humanOrAlien { ...F } } fragment F on Pet { name }"),
            (Errors{{"cannot spread fragment \"F\" defined on 'Pet' when selecting fields of type "
                     "'HumanOrAlien'",
                     "$.selectionSet.humanOrAlien.selectionSet"}}));
}

TEST(ValidationPossibleFragmentSpreads, InlineFragments) {
  EXPECT_EQ(errorsOf("{ dog { ... on Cat { meows } } }"),
            (Errors{{"inline fragment is expected on type 'Dog' but found 'Cat'",
                     "$.selectionSet.dog.selectionSet"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
