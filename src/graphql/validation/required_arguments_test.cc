#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationRequiredArguments, GivenOrOptionalArgumentsAreValid) {
  EXPECT_EQ(errorsOf("{ complicatedArgs { multipleReqs(req1: 1, req2: 2) intArgField "
                     "nonNullFieldWithDefault multipleOptAndReq(req2: 2, req1: 1) } }"),
            Errors{});
  EXPECT_EQ(errorsOf("query Q($v: Int!) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $v) "
                     "} }"),
            Errors{});
}

TEST(ValidationRequiredArguments, MissingArgumentsAreReportedInDefinitionOrder) {
  EXPECT_EQ(errorsOf("{ complicatedArgs { multipleReqs(req1: 1) } }"),
            (Errors{{"missing required field \"req2\"",
                     "$.selectionSet.complicatedArgs.selectionSet.multipleReqs.args.req2"}}));
  EXPECT_EQ(errorsOf("{ complicatedArgs { multipleReqs } }"),
            (Errors{{"missing required field \"req1\"",
                     "$.selectionSet.complicatedArgs.selectionSet.multipleReqs.args.req1"},
                    {"missing required field \"req2\"",
                     "$.selectionSet.complicatedArgs.selectionSet.multipleReqs.args.req2"}}));
  EXPECT_EQ(errorsOf("{ author_by_pk { id } }"),
            (Errors{{"missing required field \"id\"", "$.selectionSet.author_by_pk.args.id"}}));
}

TEST(ValidationRequiredArguments, NullLiteralIsNotAValue) {
  EXPECT_EQ(
      errorsOf("{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }"),
      (Errors{
          {"expected a non-null value for type \"Int!\", but found null",
           "$.selectionSet.complicatedArgs.selectionSet.nonNullIntArgField.args.nonNullIntArg"}}));
  EXPECT_EQ(
      errorsOf("{ complicatedArgs { nonNullFieldWithDefault(arg: null) } }"),
      (Errors{{"expected a non-null value for type \"Int!\", but found null",
               "$.selectionSet.complicatedArgs.selectionSet.nonNullFieldWithDefault.args.arg"}}))
      << "a default makes the argument optional, not nullable";
}

TEST(ValidationRequiredArguments, DirectiveArguments) {
  EXPECT_EQ(errorsOf("{ dog { name @include } }"),
            (Errors{{"missing required field \"if\"",
                     "$.selectionSet.dog.selectionSet.include.args.if"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
