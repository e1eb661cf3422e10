#include <gtest/gtest.h>

#include "graphql/arena.h"
#include "graphql/parser.h"
#include "graphql/validation.h"
#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationExecutableDefinitions, OperationsAndFragmentsAreValid) {
  EXPECT_EQ(errorsOf("query Q { dog { ...F } } fragment F on Dog { name }"), Errors{});
}

TEST(ValidationExecutableDefinitions, TypeSystemDefinitionsAreRejectedOnce) {
  Arena arena;
  auto document = parseDocument(
      "{ dog { name } } type Foo { x: Int } extend type Dog { y: Int } scalar S", arena);
  ASSERT_TRUE(document.has_value()) << document.error().describe();
  auto errors = validate(testSchema(), **document, {.max_errors = 0});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message(), "a query document may only contain operations and fragments");
  EXPECT_EQ(errors[0].path(), "$");
}

}  // namespace
}  // namespace graft::graphql::validation
