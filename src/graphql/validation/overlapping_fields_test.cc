#include <gtest/gtest.h>

#include <string>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

constexpr std::string_view kDog = "$.selectionSet.dog.selectionSet";

TEST(ValidationOverlappingFields, IdenticalFieldsAreValid) {
  EXPECT_EQ(errorsOf("{ dog { name name otherName: name } }"), Errors{});
  EXPECT_EQ(errorsOf("{ dog { isAtLocation(x: 1, y: 2) isAtLocation(y: 2, x: 1) } }"), Errors{})
      << "argument order does not matter";
  EXPECT_EQ(errorsOf("{ dog { name @include(if: true) name @skip(if: false) } }"), Errors{});
  EXPECT_EQ(errorsOf("{ dog { a: doesKnowCommand(dogCommand: SIT) "
                     "b: doesKnowCommand(dogCommand: HEEL) } }"),
            Errors{});
  EXPECT_EQ(errorsOf("{ dog { ...A ...B name } } fragment A on Dog { name } "
                     "fragment B on Dog { name ...A }"),
            Errors{});
}

TEST(ValidationOverlappingFields, DifferentFieldsUnderOneName) {
  EXPECT_EQ(errorsOf("{ dog { name: nickname name } }"),
            (Errors{{"selection of both \"nickname\" and \"name\" specify the same response name, "
                     "\"name\"",
                     std::string(kDog)}}));
  EXPECT_EQ(errorsOf("{ dog { ...A ...B } } fragment A on Dog { x: name } "
                     "fragment B on Dog { x: nickname }"),
            (Errors{{"selection of both \"name\" and \"nickname\" specify the same response name, "
                     "\"x\"",
                     std::string(kDog)}}));
  EXPECT_EQ(errorsOf("{ dog { x: name ...A } } fragment A on Dog { x: barks }"),
            (Errors{{"selection of both \"name\" and \"barks\" specify the same response name, "
                     "\"x\"",
                     std::string(kDog)}}));
}

TEST(ValidationOverlappingFields, DifferentArguments) {
  std::string expected =
      "inconsistent arguments between multiple selections of field "
      "\"doesKnowCommand\"";
  EXPECT_EQ(errorsOf("{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) "
                     "} }"),
            (Errors{{expected, std::string(kDog)}}));
  EXPECT_EQ(errorsOf("{ dog { doesKnowCommand doesKnowCommand(dogCommand: HEEL) } }"),
            (Errors{{expected, std::string(kDog)}}));
  EXPECT_EQ(errorsOf("query Q($c: DogCommand) { dog { doesKnowCommand(dogCommand: $c) "
                     "doesKnowCommand(dogCommand: HEEL) } }"),
            (Errors{{expected, std::string(kDog)}}));
}

TEST(ValidationOverlappingFields, ExclusiveParentsMayDifferButNotInShape) {
  EXPECT_EQ(errorsOf("{ pet { ... on Dog { x: name } ... on Cat { x: nickname } } }"), Errors{});
  EXPECT_EQ(errorsOf("{ pet { ... on Dog { x: barkVolume } ... on Cat { x: nickname } } }"),
            (Errors{{"fields \"x\" conflict because they return conflicting types \"Int\" and "
                     "\"String\"; use different aliases on the fields to fetch both if this was "
                     "intentional",
                     "$.selectionSet.pet.selectionSet"}}));
  EXPECT_EQ(errorsOf("{ dogOrHuman { ... on Human { x: relatives { name } } "
                     "... on Dog { x: owner { name } } } }"),
            (Errors{{"fields \"x\" conflict because they return conflicting types \"[Human!]!\" "
                     "and \"Human\"; use different aliases on the fields to fetch both if this was "
                     "intentional",
                     "$.selectionSet.dogOrHuman.selectionSet"}}));
  EXPECT_EQ(errorsOf("{ dogOrHuman { ... on Human { x: iq } ... on Dog { x: owner { name } } } }"),
            (Errors{{"fields \"x\" conflict because they return conflicting types \"Int\" and "
                     "\"Human\"; use different aliases on the fields to fetch both if this was "
                     "intentional",
                     "$.selectionSet.dogOrHuman.selectionSet"}}));
}

TEST(ValidationOverlappingFields, InterfaceParentsAreNotExclusive) {
  EXPECT_EQ(errorsOf("{ pet { name ... on Dog { name: nickname } } }"),
            (Errors{{"selection of both \"name\" and \"nickname\" specify the same response name, "
                     "\"name\"",
                     "$.selectionSet.pet.selectionSet"}}));
}

TEST(ValidationOverlappingFields, DeepConflictsAreReportedWhereTheFieldsMerge) {
  EXPECT_EQ(errorsOf("{ dog { owner { x: name } owner { x: iq } } }"),
            (Errors{{"selection of both \"name\" and \"iq\" specify the same response name, \"x\"",
                     "$.selectionSet.dog.selectionSet.owner.selectionSet"}}));
  EXPECT_EQ(errorsOf("{ dog { ...A } dog { ...B } } fragment A on Dog { owner { x: name } } "
                     "fragment B on Dog { owner { x: iq } }"),
            (Errors{{"selection of both \"name\" and \"iq\" specify the same response name, \"x\"",
                     "$.selectionSet.dog.selectionSet.owner.selectionSet"}}));
}

TEST(ValidationOverlappingFields, ConflictInsideAFragmentIsReportedOnce) {
  EXPECT_EQ(errorsOf("{ dog { ...A } dog { ...A } } fragment A on Dog { x: name x: nickname }"),
            (Errors{{"selection of both \"name\" and \"nickname\" specify the same response name, "
                     "\"x\"",
                     "$.selectionSet.dog.selectionSet.A.selectionSet"}}));
}

TEST(ValidationOverlappingFields, UnknownFieldsAreComparedByNameOnly) {
  EXPECT_EQ(
      errorsOf("{ dog { x: unknownA x: unknownB } }"),
      (Errors{{"selection of both \"unknownA\" and \"unknownB\" specify the same response "
               "name, \"x\"",
               std::string(kDog)},
              {"field \"unknownA\" not found in type: 'Dog'", std::string(kDog) + ".unknownA"},
              {"field \"unknownB\" not found in type: 'Dog'", std::string(kDog) + ".unknownB"}}));
}

TEST(ValidationOverlappingFields, WorkIsBounded) {
  // Every pair of the 1500 fields would be compared: about 1.1 million comparisons.
  std::string query = "{ dog {";
  for (int i = 0; i < 1500; ++i) query += " name";
  query += " } }";
  EXPECT_EQ(errorsOf(query),
            (Errors{{"the query is too complex to check that the fields selected under one name "
                     "can be merged",
                     "$"}}));
}

TEST(ValidationOverlappingFields, FragmentsSpreadSideBySideAreComparedOnce) {
  // 200 fragments spread twice in 20 places, all selecting the same fields: each pair of
  // fragments is compared once, not once per place.
  std::string query = "{";
  for (int place = 0; place < 20; ++place) {
    query += " d" + std::to_string(place) + ": dog {";
    for (int f = 0; f < 200; ++f) query += " ...F" + std::to_string(f);
    for (int f = 0; f < 200; ++f) query += " ...F" + std::to_string(f);
    query += " }";
  }
  query += " }";
  for (int f = 0; f < 200; ++f) {
    query += " fragment F" + std::to_string(f) + " on Dog { name barks owner { name } }";
  }
  EXPECT_EQ(errorsOf(query), Errors{});
}

}  // namespace
}  // namespace graft::graphql::validation
