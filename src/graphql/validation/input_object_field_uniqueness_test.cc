#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationInputObjectFieldUniqueness, DistinctFieldsAreValid) {
  EXPECT_EQ(errorsOf("{ author(where: {id: {_eq: 1}, name: {_eq: \"a\"}}) { id } }"), Errors{});
  EXPECT_EQ(errorsOf("{ author(where: {_and: [{id: {_eq: 1}}, {id: {_eq: 2}}]}) { id } }"),
            Errors{})
      << "the same name in sibling objects";
}

TEST(ValidationInputObjectFieldUniqueness, RepeatedFieldsAreListedOnce) {
  EXPECT_EQ(errorsOf("{ author(where: {id: {_eq: 1, _gt: 0, _eq: 2, _gt: 3, _eq: 4}}) { id } }"),
            (Errors{{"when parsing a value of type: 'Int_comparison_exp', the following fields "
                     "are duplicated: _eq, _gt",
                     "$.selectionSet.author.args.where.id"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
