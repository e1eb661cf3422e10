#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationUniqueOperationNames, DistinctNamesAndOneAnonymousOperationAreValid) {
  EXPECT_EQ(errorsOf("{ dog { name } }"), Errors{});
  EXPECT_EQ(errorsOf("query A { dog { name } } query B { cat { name } }"), Errors{});
  EXPECT_EQ(errorsOf("query Foo { dog { ...Foo } } fragment Foo on Dog { name }"), Errors{})
      << "operations and fragments have separate names";
}

TEST(ValidationUniqueOperationNames, RepeatedNameIsReportedOnce) {
  Errors expected = {{"multiple definitions for operation \"Foo\"", "$"}};
  EXPECT_EQ(errorsOf("query Foo { dog { name } } query Foo { cat { name } }"), expected);
  EXPECT_EQ(errorsOf("query Foo { dog { name } } mutation Foo { addPet(name: \"x\") { name } } "
                     "query Foo { cat { name } }"),
            expected)
      << "across operation types, one error per name";
}

}  // namespace
}  // namespace graft::graphql::validation
