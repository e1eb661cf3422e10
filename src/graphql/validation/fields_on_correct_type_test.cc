#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationFieldsOnCorrectType, DefinedFieldsAreValid) {
  EXPECT_EQ(errorsOf("{ dog { name barks owner { iq } } }"), Errors{});
  EXPECT_EQ(errorsOf("{ dog { aliased: name } }"), Errors{});
  EXPECT_EQ(errorsOf("{ pet { name ... on Dog { barks } } }"), Errors{});
  EXPECT_EQ(errorsOf("{ catOrDog { __typename } __typename }"), Errors{});
  EXPECT_EQ(errorsOf("{ __schema { queryType { name } } __type(name: \"Dog\") { name } }"),
            Errors{});
}

TEST(ValidationFieldsOnCorrectType, UnknownFieldIsReportedAtItsPath) {
  EXPECT_EQ(errorsOf("{ does_not_exist }"),
            (Errors{{"field \"does_not_exist\" not found in type: 'QueryRoot'",
                     "$.selectionSet.does_not_exist"}}));
  EXPECT_EQ(errorsOf("{ author { id notPresentCol } }"),
            (Errors{{"field \"notPresentCol\" not found in type: 'author'",
                     "$.selectionSet.author.selectionSet.notPresentCol"}}));
}

TEST(ValidationFieldsOnCorrectType, PathUsesTheFieldNameNotTheAlias) {
  EXPECT_EQ(errorsOf("{ dog { purr: meows } }"),
            (Errors{{"field \"meows\" not found in type: 'Dog'",
                     "$.selectionSet.dog.selectionSet.meows"}}));
}

TEST(ValidationFieldsOnCorrectType, AbstractTypesHaveOnlyTheirOwnFields) {
  EXPECT_EQ(errorsOf("{ catOrDog { name } }"),
            (Errors{{"field \"name\" not found in type: 'CatOrDog'",
                     "$.selectionSet.catOrDog.selectionSet.name"}}));
  EXPECT_EQ(errorsOf("{ pet { barks } }"), (Errors{{"field \"barks\" not found in type: 'Pet'",
                                                    "$.selectionSet.pet.selectionSet.barks"}}));
}

TEST(ValidationFieldsOnCorrectType, RootMetaFieldsOnlyOnTheQueryRoot) {
  EXPECT_EQ(errorsOf("{ dog { __schema { queryType { name } } } }"),
            (Errors{{"field \"__schema\" not found in type: 'Dog'",
                     "$.selectionSet.dog.selectionSet.__schema"}}));
}

TEST(ValidationFieldsOnCorrectType, FragmentsContributeTheirNameToThePath) {
  EXPECT_EQ(errorsOf("{ dog { ...F } } fragment F on Dog { meows }"),
            (Errors{{"field \"meows\" not found in type: 'Dog'",
                     "$.selectionSet.dog.selectionSet.F.selectionSet.meows"}}));
  EXPECT_EQ(errorsOf("{ pet { ... on Cat { barks } } }"),
            (Errors{{"field \"barks\" not found in type: 'Cat'",
                     "$.selectionSet.pet.selectionSet.barks"}}))
      << "inline fragments add nothing";
}

TEST(ValidationFieldsOnCorrectType, NothingBelowAnUnknownFieldIsTyped) {
  EXPECT_EQ(
      errorsOf("{ unknown(arg: 1) { deeper { stillUnknown } } }"),
      (Errors{{"field \"unknown\" not found in type: 'QueryRoot'", "$.selectionSet.unknown"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
