#include <gtest/gtest.h>

#include <string>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

constexpr std::string_view kComplexArg =
    "$.selectionSet.complicatedArgs.selectionSet.complexArgField.args.complexArg";

std::string complexArg(std::string_view object) {
  return "{ complicatedArgs { complexArgField(complexArg: " + std::string(object) + ") } }";
}

TEST(ValidationInputObjectRequiredFields, RequiredFieldsGivenAreValid) {
  EXPECT_EQ(errorsOf(complexArg("{requiredField: true}")), Errors{})
      << "a field with a default is optional";
  EXPECT_EQ(errorsOf(complexArg("{requiredField: false, nonNullField: true}")), Errors{});
}

TEST(ValidationInputObjectRequiredFields, MissingFieldIsReportedAtItsPath) {
  EXPECT_EQ(errorsOf(complexArg("{intField: 1}")),
            (Errors{{"missing required field \"requiredField\"",
                     std::string(kComplexArg) + ".requiredField"}}));
  EXPECT_EQ(errorsOf("mutation { insert_author(objects: [{favorite_color: red}]) { affected_rows } "
                     "}"),
            (Errors{{"missing required field \"name\"",
                     "$.selectionSet.insert_author.args.objects[0].name"}}));
}

TEST(ValidationInputObjectRequiredFields, NullLiteralIsNotAValue) {
  EXPECT_EQ(errorsOf(complexArg("{requiredField: null}")),
            (Errors{{"expected a non-null value for type \"Boolean!\", but found null",
                     std::string(kComplexArg) + ".requiredField"}}));
  EXPECT_EQ(errorsOf(complexArg("{requiredField: true, nonNullField: null}")),
            (Errors{{"expected a non-null value for type \"Boolean!\", but found null",
                     std::string(kComplexArg) + ".nonNullField"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
