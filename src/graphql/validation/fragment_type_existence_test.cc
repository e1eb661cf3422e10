#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationFragmentTypeExistence, KnownTypesAreValid) {
  EXPECT_EQ(errorsOf("{ dog { ...F ... on Dog { name } } } fragment F on Dog { name }"), Errors{});
}

TEST(ValidationFragmentTypeExistence, UnknownTypeIsReported) {
  EXPECT_EQ(errorsOf("{ dog { ...F } } fragment F on NotInSchema { name }"),
            (Errors{{"no such type exists in the schema: 'NotInSchema'", "$"}}));
  EXPECT_EQ(errorsOf("{ dog { ... on NotInSchema { name } } }"),
            (Errors{{"no such type exists in the schema: 'NotInSchema'",
                     "$.selectionSet.dog.selectionSet"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
