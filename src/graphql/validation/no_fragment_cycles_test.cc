#include <gtest/gtest.h>

#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationNoFragmentCycles, RepeatedAndChainedSpreadsAreValid) {
  EXPECT_EQ(errorsOf("{ dog { ...A ...A } } fragment A on Dog { name }"), Errors{});
  EXPECT_EQ(errorsOf("{ dog { ...A owner { ...H } } } fragment A on Dog { ...B } "
                     "fragment B on Dog { owner { ...H } } fragment H on Human { name }"),
            Errors{})
      << "a fragment reached twice is no cycle";
}

// Hasura's test corpus: graphql_query/basic/select_query_fragment_cycles.yaml.
TEST(ValidationNoFragmentCycles, HasuraCorpusCycle) {
  EXPECT_EQ(errorsOf(R"(
    query fragmentCycle { author { ...authorFragment } }
    fragment authorFragment on author { id name articles { ...articleFragment } }
    fragment articleFragment on article { title author { ...authorFragment } })"),
            (Errors{{"cannot spread fragment \"authorFragment\" within itself via "
                     "articleFragment,authorFragment",
                     "$.selectionSet.author.selectionSet.authorFragment.selectionSet.articles."
                     "selectionSet.articleFragment.selectionSet.author.selectionSet"}}));
}

TEST(ValidationNoFragmentCycles, SelfSpread) {
  EXPECT_EQ(errorsOf("{ dog { ...A } } fragment A on Dog { name ...A }"),
            (Errors{{"cannot spread fragment \"A\" within itself via A",
                     "$.selectionSet.dog.selectionSet.A.selectionSet"}}));
}

TEST(ValidationNoFragmentCycles, OnlyTheFragmentsOfTheCycleAreListed) {
  EXPECT_EQ(
      errorsOf("{ dog { ...X } } fragment X on Dog { ...A } fragment A on Dog { ...B } "
               "fragment B on Dog { ... on Dog { ...A } }"),
      (Errors{{"cannot spread fragment \"A\" within itself via B,A",
               "$.selectionSet.dog.selectionSet.X.selectionSet.A.selectionSet.B.selectionSet"}}));
}

}  // namespace
}  // namespace graft::graphql::validation
