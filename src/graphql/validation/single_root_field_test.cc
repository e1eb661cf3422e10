#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

constexpr std::string_view kOneField = "subscriptions must select one top level field";
constexpr std::string_view kIntrospection =
    "subscriptions must not select an introspection top level field";

TEST(ValidationSingleRootField, OneRootFieldIsValid) {
  EXPECT_EQ(errorsOf("subscription { petAdded { name } }"), Errors{});
  EXPECT_EQ(errorsOf("subscription { tick tick }"), Errors{}) << "one response name";
  EXPECT_EQ(errorsOf("subscription S { ...F } fragment F on SubscriptionRoot { tick }"), Errors{});
  EXPECT_EQ(errorsOf("subscription { tick petAdded @skip(if: true) { name } }"), Errors{});
  EXPECT_EQ(errorsOf("subscription { tick ... @include(if: false) { petAdded { name } } }"),
            Errors{});
  EXPECT_EQ(errorsOf("{ dog { name } cat { name } __typename }"), Errors{})
      << "queries may select many fields";
}

TEST(ValidationSingleRootField, SeveralRootFieldsAreRejected) {
  Errors expected = {{std::string(kOneField), "$"}};
  EXPECT_EQ(errorsOf("subscription { tick petAdded { name } }"), expected);
  EXPECT_EQ(errorsOf("subscription { tick ...F } fragment F on SubscriptionRoot { tick2: tick }"),
            expected);
  EXPECT_EQ(errorsOf("subscription { ... on SubscriptionRoot { tick } petAdded { name } }"),
            expected);
  EXPECT_EQ(errorsOf("subscription S($x: Boolean!) { tick petAdded @include(if: $x) { name } }"),
            expected)
      << "a condition on a variable counts as selected";
}

TEST(ValidationSingleRootField, IntrospectionRootFieldIsRejected) {
  EXPECT_EQ(errorsOf("subscription { __typename }"), (Errors{{std::string(kIntrospection), "$"}}));
  EXPECT_EQ(errorsOf("subscription { tick __typename }"),
            (Errors{{std::string(kOneField), "$"}, {std::string(kIntrospection), "$"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
