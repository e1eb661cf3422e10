#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationLeafFieldSelections, LeavesWithoutAndCompositesWithSelectionsAreValid) {
  EXPECT_EQ(errorsOf("{ dog { name } cat { furColor } human { relatives { name } } }"), Errors{});
  EXPECT_EQ(errorsOf("{ __typename }"), Errors{});
}

TEST(ValidationLeafFieldSelections, SelectionOnLeafIsRejected) {
  EXPECT_EQ(errorsOf("{ dog { name { first } } }"),
            (Errors{{"unexpected subselection set for non-object field",
                     "$.selectionSet.dog.selectionSet.name"}}));
  EXPECT_EQ(errorsOf("{ cat { furColor { x } } }"),
            (Errors{{"unexpected subselection set for non-object field",
                     "$.selectionSet.cat.selectionSet.furColor"}}));
}

TEST(ValidationLeafFieldSelections, MissingSelectionIsReportedAtTheSelectionSet) {
  EXPECT_EQ(errorsOf("{ dog }"),
            (Errors{{"missing selection set for 'Dog'", "$.selectionSet.dog.selectionSet"}}));
  EXPECT_EQ(
      errorsOf("{ pet catOrDog }"),
      (Errors{{"missing selection set for 'Pet'", "$.selectionSet.pet.selectionSet"},
              {"missing selection set for 'CatOrDog'", "$.selectionSet.catOrDog.selectionSet"}}));
  EXPECT_EQ(errorsOf("{ human { relatives } }"),
            (Errors{{"missing selection set for 'Human'",
                     "$.selectionSet.human.selectionSet.relatives.selectionSet"}}));
}

TEST(ValidationLeafFieldSelections, OrderAgainstArgumentErrorsFollowsHasura) {
  EXPECT_EQ(errorsOf("{ dog { name(surname: 1) { x } } }"),
            (Errors{{"unexpected subselection set for non-object field",
                     "$.selectionSet.dog.selectionSet.name"},
                    {"expected a boolean for type \"Boolean\", but found an integer",
                     "$.selectionSet.dog.selectionSet.name.args.surname"}}));
  EXPECT_EQ(errorsOf("{ human(id: 1.5) }"),
            (Errors{{"expected a String or a 32-bit integer for type \"ID\", but found a float",
                     "$.selectionSet.human.args.id"},
                    {"missing selection set for 'Human'", "$.selectionSet.human.selectionSet"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
