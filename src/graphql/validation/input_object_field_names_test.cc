#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationInputObjectFieldNames, DefinedFieldsAreValid) {
  EXPECT_EQ(errorsOf("{ author(where: {name: {_eq: \"a\"}, _and: [{id: {_gt: 1}}]}) { id } }"),
            Errors{});
}

// Hasura's test corpus: graphql_query/boolexp/basic/select_author_article_operator_ne_*.yaml.
TEST(ValidationInputObjectFieldNames, UnknownFieldIsReportedAtItsPath) {
  EXPECT_EQ(errorsOf("{ author(where: {name: {_ne: \"Author 1\"}}) { id } }"),
            (Errors{{"field \"_ne\" not found in type: 'String_comparison_exp'",
                     "$.selectionSet.author.args.where.name._ne"}}));
  EXPECT_EQ(errorsOf("{ author(where: {_and: [{id: {_eq: 1}}, {id: {_unexpected: 2}}]}) { id } }"),
            (Errors{{"field \"_unexpected\" not found in type: 'Int_comparison_exp'",
                     "$.selectionSet.author.args.where._and[1].id._unexpected"}}));
}

TEST(ValidationInputObjectFieldNames, UnknownFieldsComeBeforeTheKnownOnes) {
  EXPECT_EQ(errorsOf("{ complicatedArgs { complexArgField(complexArg: {intField: \"x\", "
                     "requiredField: true, bad: 1}) } }"),
            (Errors{{"field \"bad\" not found in type: 'ComplexInput'",
                     "$.selectionSet.complicatedArgs.selectionSet.complexArgField.args.complexArg."
                     "bad"},
                    {"expecting Integer value for \"intField\"",
                     "$.selectionSet.complicatedArgs.selectionSet.complexArgField.args.complexArg."
                     "intField"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
