#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationUniqueFragmentNames, DistinctNamesAreValid) {
  EXPECT_EQ(
      errorsOf("{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { barks }"),
      Errors{});
}

TEST(ValidationUniqueFragmentNames, RepeatedNameIsReportedOnce) {
  EXPECT_EQ(errorsOf("{ dog { ...F } } fragment F on Dog { name } fragment F on Dog { barks } "
                     "fragment F on Dog { nickname }"),
            (Errors{{"multiple definitions for fragment \"F\"", "$"}}))
      << "the other definitions are neither unused nor walked as the spread's target";
}

}  // namespace
}  // namespace graft::graphql::validation
