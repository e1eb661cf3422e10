#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationAllVariableUsesDefined, DefinedVariablesAreValid) {
  EXPECT_EQ(errorsOf("query Q($x: Int, $b: Boolean!) { complicatedArgs @include(if: $b) { ...F } } "
                     "fragment F on ComplicatedArgs { intArgField(intArg: $x) }"),
            Errors{});
}

TEST(ValidationAllVariableUsesDefined, UndefinedVariableIsReportedOncePerOperation) {
  EXPECT_EQ(errorsOf("{ complicatedArgs { intArgField(intArg: $x) multipleOpts(opt1: $x) } }"),
            (Errors{{"unbound variable \"x\"", "$"}}));
  EXPECT_EQ(errorsOf("query Q { complicatedArgs { complexArgField(complexArg: {requiredField: $b, "
                     "stringListField: [$s]}) } }"),
            (Errors{{"unbound variable \"b\"", "$"}, {"unbound variable \"s\"", "$"}}));
}

TEST(ValidationAllVariableUsesDefined, FragmentsUseTheVariablesOfEachOperation) {
  EXPECT_EQ(errorsOf("query A($x: Int) { complicatedArgs { ...F } } "
                     "query B { complicatedArgs { ...F } } "
                     "fragment F on ComplicatedArgs { intArgField(intArg: $x) }"),
            (Errors{{"unbound variable \"x\"", "$"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
