#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationUniqueVariableNames, DistinctNamesAreValid) {
  EXPECT_EQ(errorsOf("query A($x: Int, $y: Int) { complicatedArgs { "
                     "multipleOpts(opt1: $x, opt2: $y) } } "
                     "query B($x: Int) { complicatedArgs { intArgField(intArg: $x) } }"),
            Errors{});
}

TEST(ValidationUniqueVariableNames, RepeatedNameIsReportedOnce) {
  EXPECT_EQ(errorsOf("query A($x: Int, $x: String, $x: Int) { complicatedArgs { "
                     "intArgField(intArg: $x) } }"),
            (Errors{{"multiple definitions for variable \"x\"", "$"}}))
      << "the first definition is the one its uses are checked against";
}

}  // namespace
}  // namespace graft::graphql::validation
