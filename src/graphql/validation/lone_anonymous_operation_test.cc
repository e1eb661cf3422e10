#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationLoneAnonymousOperation, AnonymousOperationAloneIsValid) {
  EXPECT_EQ(errorsOf("{ dog { name } }"), Errors{});
  EXPECT_EQ(errorsOf("{ ...F } fragment F on QueryRoot { dog { name } }"), Errors{});
  EXPECT_EQ(errorsOf("query A { dog { name } } query B { cat { name } }"), Errors{});
}

TEST(ValidationLoneAnonymousOperation, AnonymousOperationBesideOthersIsReportedOnce) {
  Errors expected = {{"an anonymous operation must be the only operation in the document", "$"}};
  EXPECT_EQ(errorsOf("{ dog { name } } query B { cat { name } }"), expected);
  EXPECT_EQ(errorsOf("{ dog { name } } { cat { name } }"), expected);
  EXPECT_EQ(errorsOf("mutation { addPet(name: \"x\") { name } } { cat { name } }"), expected);
}

}  // namespace
}  // namespace graft::graphql::validation
