#include <gtest/gtest.h>

#include <string>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

constexpr std::string_view kArgs = "$.selectionSet.complicatedArgs.selectionSet.";

std::string at(std::string_view rest) { return std::string(kArgs) + std::string(rest); }

TEST(ValidationVariablesInAllowedPosition, CompatibleTypesAreValid) {
  EXPECT_EQ(errorsOf("query Q($i: Int, $n: Int!, $s: String!, $l: [String!]!, $b: Boolean!, "
                     "$o: Boolean) { complicatedArgs { intArgField(intArg: $n) "
                     "multipleOpts(opt1: $i) stringListArgField(stringListArg: $l) "
                     "stringListNonNullArgField(stringListNonNullArg: [$s]) "
                     "complexArgField(complexArg: {requiredField: $b, nonNullField: $o}) } "
                     "dog { name @include(if: $b) } }"),
            Errors{});
}

TEST(ValidationVariablesInAllowedPosition, NonNullDefaultsAllowNullableVariables) {
  EXPECT_EQ(errorsOf("query Q($x: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: "
                     "$x) } }"),
            Errors{});
  EXPECT_EQ(errorsOf("query Q($x: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $x) } }"),
            Errors{});
  EXPECT_EQ(errorsOf("query Q($x: Int = null) { complicatedArgs { "
                     "nonNullIntArgField(nonNullIntArg: $x) } }"),
            (Errors{{"variable \"x\" is declared as Int, but used where Int! is expected",
                     at("nonNullIntArgField.args.nonNullIntArg")}}));
}

TEST(ValidationVariablesInAllowedPosition, MismatchesAreReportedWhereTheVariableStands) {
  EXPECT_EQ(errorsOf("query Q($x: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) "
                     "} }"),
            (Errors{{"variable \"x\" is declared as Int, but used where Int! is expected",
                     at("nonNullIntArgField.args.nonNullIntArg")}}));
  EXPECT_EQ(errorsOf("query Q($x: String) { complicatedArgs { intArgField(intArg: $x) } }"),
            (Errors{{"variable \"x\" is declared as String, but used where Int is expected",
                     at("intArgField.args.intArg")}}));
  EXPECT_EQ(errorsOf("query Q($s: String) { complicatedArgs { "
                     "stringListNonNullArgField(stringListNonNullArg: [$s]) } }"),
            (Errors{{"variable \"s\" is declared as String, but used where String! is expected",
                     at("stringListNonNullArgField.args.stringListNonNullArg[0]")}}));
  EXPECT_EQ(errorsOf("query Q($s: String!) { complicatedArgs { "
                     "stringListArgField(stringListArg: $s) } }"),
            (Errors{{"variable \"s\" is declared as String!, but used where [String] is expected",
                     at("stringListArgField.args.stringListArg")}}))
      << "a variable is not coerced to a list of one";
  EXPECT_EQ(errorsOf("query Q($l: [Int]) { complicatedArgs { nestedListArgField(matrix: $l) } }"),
            (Errors{{"variable \"l\" is declared as [Int], but used where [[Int!]!] is expected",
                     at("nestedListArgField.args.matrix")}}));
  EXPECT_EQ(errorsOf("query Q($b: Boolean) { complicatedArgs { complexArgField(complexArg: "
                     "{requiredField: $b}) } }"),
            (Errors{{"variable \"b\" is declared as Boolean, but used where Boolean! is expected",
                     at("complexArgField.args.complexArg.requiredField")}}));
  EXPECT_EQ(errorsOf("query Q($b: Boolean) { dog { name @include(if: $b) } }"),
            (Errors{{"variable \"b\" is declared as Boolean, but used where Boolean! is expected",
                     "$.selectionSet.dog.selectionSet.include.args.if"}}));
}

TEST(ValidationVariablesInAllowedPosition, FragmentsAreCheckedForEveryOperation) {
  EXPECT_EQ(errorsOf("query A($x: Int!) { complicatedArgs { ...F } } "
                     "query B($x: Int) { complicatedArgs { ...F } } "
                     "fragment F on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $x) }"),
            (Errors{{"variable \"x\" is declared as Int, but used where Int! is expected",
                     at("F.selectionSet.nonNullIntArgField.args.nonNullIntArg")}}));
}

}  // namespace
}  // namespace graft::graphql::validation
