#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationUniqueArgumentNames, DistinctArgumentsAreValid) {
  EXPECT_EQ(errorsOf("{ dog { isAtLocation(x: 1, y: 2) doesKnowCommand(dogCommand: SIT) } }"),
            Errors{});
  EXPECT_EQ(errorsOf("{ dog { name @tag(name: \"a\") @tag(name: \"b\") } }"), Errors{});
}

TEST(ValidationUniqueArgumentNames, RepeatedArgumentsAreListedOnce) {
  EXPECT_EQ(errorsOf("{ dog { isAtLocation(x: 1, x: 2) } }"),
            (Errors{{"the following arguments are defined more than once: x",
                     "$.selectionSet.dog.selectionSet.isAtLocation.args"}}));
  EXPECT_EQ(errorsOf("{ dog { isAtLocation(x: 1, x: 2, y: 1, y: 2, x: 3) } }"),
            (Errors{{"the following arguments are defined more than once: x, y",
                     "$.selectionSet.dog.selectionSet.isAtLocation.args"}}));
}

TEST(ValidationUniqueArgumentNames, DirectiveArguments) {
  EXPECT_EQ(errorsOf("{ dog { name @tag(name: \"a\", name: \"b\") } }"),
            (Errors{{"the following arguments are defined more than once: name",
                     "$.selectionSet.dog.selectionSet.tag.args"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
