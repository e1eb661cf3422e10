#include <gtest/gtest.h>

#include <memory>

#include "graphql/schema_builder.h"
#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

std::shared_ptr<const Schema> queryOnly() {
  auto schema = buildSchemaFromSdl("type Query { a: Int dog: Dog } type Dog { name: String }");
  EXPECT_TRUE(schema) << schema.error().message();
  return *schema;
}

TEST(ValidationKnownOperationTypes, OperationsOfTheSchemaAreValid) {
  auto schema = queryOnly();
  EXPECT_EQ(errorsOf("{ a }", *schema), Errors{});
  EXPECT_EQ(errorsOf("mutation M { addPet(name: \"x\") { name } } subscription S { tick }"),
            Errors{});
}

// Hasura's test corpus: graphql_mutation/insert/permissions/address_permission_error.yaml.
TEST(ValidationKnownOperationTypes, MissingRootTypeIsReported) {
  auto schema = queryOnly();
  EXPECT_EQ(errorsOf("mutation { insert_address(objects: []) { affected_rows } }", *schema),
            (Errors{{"no mutations exist", "$"}}));
  EXPECT_EQ(errorsOf("subscription { a }", *schema), (Errors{{"no subscriptions exist", "$"}}));
}

TEST(ValidationKnownOperationTypes, FragmentsOfAnUntypedOperationAreStillChecked) {
  auto schema = queryOnly();
  EXPECT_EQ(errorsOf("mutation { x { ...F } } fragment F on Dog { nickname }", *schema),
            (Errors{{"no mutations exist", "$"},
                    {"field \"nickname\" not found in type: 'Dog'",
                     "$.selectionSet.x.selectionSet.F.selectionSet.nickname"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
