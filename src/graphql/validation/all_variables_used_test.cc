#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationAllVariablesUsed, UsedVariablesAreValid) {
  EXPECT_EQ(errorsOf("query Q($x: Int, $b: Boolean!, $s: String) { dog @skip(if: $b) { name } "
                     "complicatedArgs { ...F stringListArgField(stringListArg: [$s]) } } "
                     "fragment F on ComplicatedArgs { ...G } "
                     "fragment G on ComplicatedArgs { intArgField(intArg: $x) }"),
            Errors{});
}

TEST(ValidationAllVariablesUsed, UnusedVariablesAreListedPerOperation) {
  EXPECT_EQ(errorsOf("query Q($x: Int) { dog { name } }"),
            (Errors{{"following variable(s) have been defined, but have not been used in the "
                     "query - x",
                     "$"}}));
  EXPECT_EQ(errorsOf("query Q($x: Int, $y: Int, $z: Int) { complicatedArgs { "
                     "intArgField(intArg: $y) } }"),
            (Errors{{"following variable(s) have been defined, but have not been used in the "
                     "query - x, z",
                     "$"}}));
}

TEST(ValidationAllVariablesUsed, AnotherOperationsFragmentsDoNotCount) {
  EXPECT_EQ(errorsOf("query A($x: Int) { dog { name } } "
                     "query B($x: Int) { complicatedArgs { ...F } } "
                     "fragment F on ComplicatedArgs { intArgField(intArg: $x) }"),
            (Errors{{"following variable(s) have been defined, but have not been used in the "
                     "query - x",
                     "$"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
