#include <gtest/gtest.h>

#include <string>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

// One argument of ComplicatedArgs, e.g. arg("intArgField", "intArg: 1").
std::string arg(std::string_view field, std::string_view arguments) {
  return "{ complicatedArgs { " + std::string(field) + "(" + std::string(arguments) + ") } }";
}

std::string argPath(std::string_view field, std::string_view rest) {
  return "$.selectionSet.complicatedArgs.selectionSet." + std::string(field) + ".args." +
         std::string(rest);
}

TEST(ValidationValuesOfCorrectType, BuiltinScalarsAcceptTheirLiterals) {
  for (std::string query :
       {arg("intArgField", "intArg: 2"), arg("intArgField", "intArg: -2147483648"),
        arg("intArgField", "intArg: 2147483647"), arg("floatArgField", "floatArg: 1"),
        arg("floatArgField", "floatArg: -1.5e3"),
        arg("stringArgField", "stringArg: \"\"\"block\"\"\""),
        arg("booleanArgField", "booleanArg: false"), arg("idArgField", "idArg: \"an id\""),
        arg("idArgField", "idArg: 12345678901234567890"), arg("enumArgField", "enumArg: SPOTTED"),
        arg("intArgField", "intArg: null")}) {
    EXPECT_EQ(errorsOf(query), Errors{}) << query;
  }
}

TEST(ValidationValuesOfCorrectType, CustomScalarsAcceptAnyLiteral) {
  EXPECT_EQ(errorsOf(arg("customArgField", "json: {a: [1, \"x\", {b: null}, RED]}, when: 12")),
            Errors{});
}

TEST(ValidationValuesOfCorrectType, IntLiterals) {
  EXPECT_EQ(errorsOf(arg("intArgField", "intArg: \"3\"")),
            (Errors{{"expecting Integer value for \"intArg\"", argPath("intArgField", "intArg")}}));
  EXPECT_EQ(errorsOf(arg("intArgField", "intArg: 1.0")),
            (Errors{{"expecting Integer value for \"intArg\"", argPath("intArgField", "intArg")}}));
  EXPECT_EQ(errorsOf(arg("intArgField", "intArg: 2147483648")),
            (Errors{{"The value 2147483648 lies outside the bounds or is not an integer. Maybe it "
                     "is a float, or is there integer overflow?",
                     argPath("intArgField", "intArg")}}));
  // Hasura's test corpus: graphql_query/limits/select_query_article_string_limit_error.yaml.
  EXPECT_EQ(
      errorsOf("{ author(limit: \"3\", offset: 1) { id } }"),
      (Errors{{"expecting Integer value for \"limit\"", "$.selectionSet.author.args.limit"}}));
}

TEST(ValidationValuesOfCorrectType, OtherScalarLiterals) {
  EXPECT_EQ(errorsOf(arg("floatArgField", "floatArg: \"1.5\"")),
            (Errors{{"expected a float for type \"Float\", but found a string",
                     argPath("floatArgField", "floatArg")}}));
  EXPECT_EQ(errorsOf(arg("floatArgField", "floatArg: 1e400")),
            (Errors{{"The value 1e400 lies outside the bounds. Is it overflowing the float bounds?",
                     argPath("floatArgField", "floatArg")}}));
  EXPECT_EQ(errorsOf(arg("floatArgField", "floatArg: 1" + std::string(400, '0'))),
            (Errors{{"The value 1" + std::string(400, '0') +
                         " lies outside the bounds. Is it overflowing the float bounds?",
                     argPath("floatArgField", "floatArg")}}))
      << "an Int literal too";
  EXPECT_EQ(errorsOf(arg("stringArgField", "stringArg: 1")),
            (Errors{{"expected a string for type \"String\", but found an integer",
                     argPath("stringArgField", "stringArg")}}));
  EXPECT_EQ(errorsOf(arg("stringArgField", "stringArg: BROWN")),
            (Errors{{"expected a string for type \"String\", but found an enum value",
                     argPath("stringArgField", "stringArg")}}));
  EXPECT_EQ(errorsOf(arg("booleanArgField", "booleanArg: \"true\"")),
            (Errors{{"expected a boolean for type \"Boolean\", but found a string",
                     argPath("booleanArgField", "booleanArg")}}));
  EXPECT_EQ(errorsOf(arg("idArgField", "idArg: 1.5")),
            (Errors{{"expected a String or a 32-bit integer for type \"ID\", but found a float",
                     argPath("idArgField", "idArg")}}));
  EXPECT_EQ(errorsOf(arg("idArgField", "idArg: [\"1\"]")),
            (Errors{{"expected a String or a 32-bit integer for type \"ID\", but found a list",
                     argPath("idArgField", "idArg")}}));
}

TEST(ValidationValuesOfCorrectType, EnumLiterals) {
  EXPECT_EQ(errorsOf(arg("enumArgField", "enumArg: \"BROWN\"")),
            (Errors{{"expected an enum value for type \"FurColor\", but found a string",
                     argPath("enumArgField", "enumArg")}}));
  EXPECT_EQ(errorsOf(arg("enumArgField", "enumArg: PURPLE")),
            (Errors{{"unexpected value \"PURPLE\" for enum: 'FurColor'",
                     argPath("enumArgField", "enumArg")}}));
  // Hasura's test corpus: graphql_query/enums/select_where_enum_eq_{bad_value,string}.yaml.
  EXPECT_EQ(errorsOf("{ author(where: { favorite_color: { _eq: not_a_real_color }}) { name } }"),
            (Errors{{"unexpected value \"not_a_real_color\" for enum: 'colors_enum'",
                     "$.selectionSet.author.args.where.favorite_color._eq"}}));
  EXPECT_EQ(
      errorsOf("{ author(where: { favorite_color: { _eq: \"not_a_real_color\" }}) { name } }"),
      (Errors{{"expected an enum value for type \"colors_enum\", but found a string",
               "$.selectionSet.author.args.where.favorite_color._eq"}}));
}

TEST(ValidationValuesOfCorrectType, ListsIndexTheirItems) {
  EXPECT_EQ(errorsOf(arg("stringListArgField", "stringListArg: [\"a\", null, \"b\"]")), Errors{});
  EXPECT_EQ(errorsOf(arg("stringListArgField", "stringListArg: \"one\"")), Errors{})
      << "a single value is a list of one";
  EXPECT_EQ(errorsOf(arg("nestedListArgField", "matrix: [[1, 2], [3]]")), Errors{});
  EXPECT_EQ(errorsOf(arg("nestedListArgField", "matrix: 1")), Errors{});
  EXPECT_EQ(errorsOf(arg("stringListArgField", "stringListArg: [\"a\", 2]")),
            (Errors{{"expected a string for type \"String\", but found an integer",
                     argPath("stringListArgField", "stringListArg[1]")}}));
  EXPECT_EQ(errorsOf(arg("stringListArgField", "stringListArg: 2")),
            (Errors{{"expected a string for type \"String\", but found an integer",
                     argPath("stringListArgField", "stringListArg")}}));
  EXPECT_EQ(errorsOf(arg("stringListNonNullArgField", "stringListNonNullArg: [\"a\", null]")),
            (Errors{{"expected a non-null value for type \"String!\", but found null",
                     argPath("stringListNonNullArgField", "stringListNonNullArg[1]")}}));
  EXPECT_EQ(errorsOf(arg("nestedListArgField", "matrix: [[1], [2, null]]")),
            (Errors{{"expected a non-null value for type \"Int!\", but found null",
                     argPath("nestedListArgField", "matrix[1][1]")}}));
  EXPECT_EQ(errorsOf(arg("nestedListArgField", "matrix: [null]")),
            (Errors{{"expected a non-null value for type \"[Int!]!\", but found null",
                     argPath("nestedListArgField", "matrix[0]")}}));
}

TEST(ValidationValuesOfCorrectType, InputObjects) {
  EXPECT_EQ(errorsOf(arg("complexArgField",
                         "complexArg: {requiredField: true, intField: 4, stringListField: [\"x\"], "
                         "nested: {requiredField: false}}")),
            Errors{});
  EXPECT_EQ(errorsOf(arg("complexArgField", "complexArg: 1")),
            (Errors{{"expected an object for type \"ComplexInput\", but found an integer",
                     argPath("complexArgField", "complexArg")}}));
  EXPECT_EQ(errorsOf(arg("complexArgField", "complexArg: {requiredField: true, intField: \"x\"}")),
            (Errors{{"expecting Integer value for \"intField\"",
                     argPath("complexArgField", "complexArg.intField")}}));
  // Hasura's test corpus: graphql_mutation/enums/insert_enum_field_bad_value.yaml (its newer
  // wording of this error differs).
  EXPECT_EQ(errorsOf("mutation { insert_author(objects: [{ name: \"Matthew\", favorite_color: "
                     "not_a_real_color }]) { affected_rows } }"),
            (Errors{{"unexpected value \"not_a_real_color\" for enum: 'colors_enum'",
                     "$.selectionSet.insert_author.args.objects[0].favorite_color"}}));
}

TEST(ValidationValuesOfCorrectType, VariableDefaultsAndDirectiveArguments) {
  EXPECT_EQ(errorsOf("query Q($x: Int = 3, $l: [String] = \"a\") { complicatedArgs { "
                     "intArgField(intArg: $x) stringListArgField(stringListArg: $l) } }"),
            Errors{});
  EXPECT_EQ(errorsOf("query Q($x: Int = \"a\") { complicatedArgs { intArgField(intArg: $x) } }"),
            (Errors{{"expecting Integer value for \"x\"", "$"}}));
  EXPECT_EQ(errorsOf("{ dog { name @include(if: \"yes\") } }"),
            (Errors{{"expected a boolean for type \"Boolean\", but found a string",
                     "$.selectionSet.dog.selectionSet.include.args.if"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
