#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationKnownArgumentNames, DefinedArgumentsAreValid) {
  EXPECT_EQ(errorsOf("{ dog { doesKnowCommand(dogCommand: SIT) isHouseTrained } }"), Errors{});
  EXPECT_EQ(errorsOf("{ dog { name @include(if: true) } __type(name: \"Dog\") { name } }"),
            Errors{});
}

TEST(ValidationKnownArgumentNames, UnknownFieldArgumentIsReportedAtTheField) {
  EXPECT_EQ(errorsOf("{ dog { doesKnowCommand(command: SIT) } }"),
            (Errors{{"\"doesKnowCommand\" has no argument named \"command\"",
                     "$.selectionSet.dog.selectionSet.doesKnowCommand"}}));
  EXPECT_EQ(errorsOf("{ author { articles(columns: 1) { id } } }"),
            (Errors{{"\"articles\" has no argument named \"columns\"",
                     "$.selectionSet.author.selectionSet.articles"}}));
}

TEST(ValidationKnownArgumentNames, EachUnknownArgumentIsReported) {
  EXPECT_EQ(errorsOf("{ dog { doesKnowCommand(whoKnows: 1, dogCommand: SIT, unknown: true) } }"),
            (Errors{{"\"doesKnowCommand\" has no argument named \"whoKnows\"",
                     "$.selectionSet.dog.selectionSet.doesKnowCommand"},
                    {"\"doesKnowCommand\" has no argument named \"unknown\"",
                     "$.selectionSet.dog.selectionSet.doesKnowCommand"}}));
}

TEST(ValidationKnownArgumentNames, UnknownDirectiveArgumentIsReportedAtTheDirective) {
  EXPECT_EQ(
      errorsOf("{ dog { name @skip(iff: true) } }"),
      (Errors{{"\"skip\" has no argument named \"iff\"", "$.selectionSet.dog.selectionSet.skip"},
              {"missing required field \"if\"", "$.selectionSet.dog.selectionSet.skip.args.if"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
