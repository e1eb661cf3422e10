#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationVariablesAreInputTypes, InputTypesAreValid) {
  EXPECT_EQ(errorsOf("query Q($a: String, $b: [String!]!, $c: ComplexInput, $d: FurColor, "
                     "$e: JSON) { complicatedArgs { stringArgField(stringArg: $a) "
                     "stringListArgField(stringListArg: $b) complexArgField(complexArg: $c) "
                     "enumArgField(enumArg: $d) customArgField(json: $e) } }"),
            Errors{});
}

TEST(ValidationVariablesAreInputTypes, OutputTypesAreRejected) {
  EXPECT_EQ(errorsOf("query Q($d: Dog) { complicatedArgs { complexArgField(complexArg: $d) } }"),
            (Errors{{"variables can only be defined on input types (enums, scalars, input "
                     "objects), but 'Dog' is an object type",
                     "$"}}))
      << "and the use of $d is not checked again";
  EXPECT_EQ(errorsOf("query Q($p: [Pet!], $u: CatOrDog!) { complicatedArgs { "
                     "stringArgField(stringArg: $p) intArgField(intArg: $u) } }"),
            (Errors{{"variables can only be defined on input types (enums, scalars, input "
                     "objects), but 'Pet' is an interface type",
                     "$"},
                    {"variables can only be defined on input types (enums, scalars, input "
                     "objects), but 'CatOrDog' is a union type",
                     "$"}}));
}

TEST(ValidationVariablesAreInputTypes, UnknownTypeIsRejected) {
  EXPECT_EQ(errorsOf("query Q($x: [Unknown]) { complicatedArgs { intArgField(intArg: $x) } }"),
            (Errors{{"no such type exists in the schema: 'Unknown'", "$"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
