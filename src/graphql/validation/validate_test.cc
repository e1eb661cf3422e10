// validate() as a whole: the order of the rules, the error limit, and documents built to make
// a validator recurse too deep or work too long.
#include <gtest/gtest.h>

#include <string>

#include "graphql/parser.h"
#include "graphql/test_corpus.h"
#include "graphql/validation.h"
#include "graphql/validation/test_support.h"

namespace graft::graphql::validation {
namespace {

TEST(ValidationValidate, AValidDocumentUsingEveryKindOfNode) {
  EXPECT_EQ(errorsOf(R"(
    query Q($id: ID, $withOwner: Boolean = true, $cmd: DogCommand!, $where: author_bool_exp)
        @cached(ttl: 10) {
      human(id: $id) { ...HumanFields relatives { name(surname: true) } }
      dog { ...DogFields owner @include(if: $withOwner) { ...HumanFields } }
      catOrDog { __typename ... on Cat { furColor } ...DogFields }
      known: dog { doesKnowCommand(dogCommand: $cmd) }
      author(where: $where, limit: 10) { id articles(limit: 1) { title } }
      __type(name: "Dog") { name }
    }
    fragment HumanFields on Human { name iq pets { name ... on Dog { barks } } }
    fragment DogFields on Dog { name nickname barkVolume }
    mutation M { insert_author(objects: [{name: "x", favorite_color: red}]) { affected_rows } }
    subscription S { author(where: {id: {_in: [1, 2]}}) { name } })"),
            Errors{});
}

TEST(ValidationValidate, TheIntrospectionQueryIsValid) {
  EXPECT_EQ(errorsOf(testing::kIntrospectionQuery), Errors{});
}

TEST(ValidationValidate, OnlyTheFirstErrorByDefault) {
  EXPECT_EQ(firstErrorOf("{ a b c }"),
            (Errors{{"field \"a\" not found in type: 'QueryRoot'", "$.selectionSet.a"}}));
  EXPECT_EQ(errorsOf("{ a b c }").size(), 3u);
}

TEST(ValidationValidate, DocumentRulesComeFirstAsInHasura) {
  EXPECT_EQ(
      firstErrorOf("{ nope dog { ...Missing } }"),
      (Errors{{"reference to undefined fragment \"Missing\"", "$.selectionSet.dog.selectionSet"}}))
      << "Hasura inlines fragments before it looks at fields";
  EXPECT_EQ(firstErrorOf("{ nope complicatedArgs { intArgField(intArg: $x) } }"),
            (Errors{{"unbound variable \"x\"", "$"}}))
      << "and resolves variables before it looks at fields";
}

std::string fragmentChain(int length, std::string_view last) {
  std::string query = "{ dog { ...F0 } }";
  for (int i = 0; i < length; ++i) {
    query += " fragment F" + std::to_string(i) + " on Dog { ...F" + std::to_string(i + 1) + " }";
  }
  query += " fragment F" + std::to_string(length) + " on Dog { " + std::string(last) + " }";
  return query;
}

TEST(ValidationValidate, LongFragmentChainsDoNotRecurse) {
  EXPECT_EQ(errorsOf(fragmentChain(20000, "name")), Errors{});
  Errors errors = errorsOf(fragmentChain(20000, "meows"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "field \"meows\" not found in type: 'Dog'");
  Errors cycle = errorsOf(fragmentChain(20000, "...F0"));
  ASSERT_EQ(cycle.size(), 1u);
  EXPECT_TRUE(
      cycle[0].message.starts_with("cannot spread fragment \"F0\" within itself via F20000,"))
      << cycle[0].message.substr(0, 100);
}

TEST(ValidationValidate, FragmentsThatWouldExpandExponentiallyAreCheckedOnce) {
  // Expanded, F0 would select 2^40 fields; each fragment is still walked once.
  std::string query = "{ human { ...F0 } }";
  for (int i = 0; i < 40; ++i) {
    std::string next = "...F" + std::to_string(i + 1);
    query += " fragment F" + std::to_string(i) + " on Human { relatives { " + next +
             " } relatives { " + next + " } r: relatives { " + next + " } }";
  }
  query += " fragment F40 on Human { name }";
  EXPECT_EQ(errorsOf(query), Errors{});
}

TEST(ValidationValidate, DeeplyNestedSelectionsThroughFragments) {
  // 100 fragments each nesting 200 levels: 20000 levels once expanded.
  std::string query = "{ human { ...F0 } }";
  for (int i = 0; i < 100; ++i) {
    query += " fragment F" + std::to_string(i) + " on Human {";
    for (int level = 0; level < 200; ++level) query += " relatives {";
    query += i + 1 < 100 ? " ...F" + std::to_string(i + 1) : std::string(" name");
    for (int level = 0; level < 200; ++level) query += " }";
    query += " }";
  }
  EXPECT_EQ(errorsOf(query), Errors{});
}

TEST(ValidationValidate, ManyOperationsReachingManyFragmentsAreRejected) {
  // Each rule on operations with their fragments would look at 3000 x 2000 fragments.
  std::string query;
  for (int i = 0; i < 3000; ++i) query += "query Q" + std::to_string(i) + " { dog { ...F0 } } ";
  for (int i = 0; i < 2000; ++i) {
    query +=
        "fragment F" + std::to_string(i) + " on Dog { name ...F" + std::to_string(i + 1) + " } ";
  }
  query += "fragment F2000 on Dog { name }";
  EXPECT_EQ(errorsOf(query),
            (Errors{{"the query is too complex to validate: too many operations reach too many "
                     "fragments",
                     "$"}}));
}

TEST(ValidationValidate, ManyFragmentsSpreadSideBySideAreBounded) {
  std::string query = "{ dog {";
  for (int i = 0; i < 3000; ++i) query += " ...F" + std::to_string(i);
  query += " } }";
  for (int i = 0; i < 3000; ++i) query += " fragment F" + std::to_string(i) + " on Dog { name }";
  EXPECT_EQ(errorsOf(query),
            (Errors{{"the query is too complex to check that the fields selected under one name "
                     "can be merged",
                     "$"}}));
}

TEST(ValidationValidate, UnusedFragmentsAndVariablesCanBeAllowedAsInHasura) {
  constexpr std::string_view kQuery =
      "query ($unused: Int) { dog { name } } fragment Unused on Dog { name }";
  EXPECT_EQ(errorsOf(kQuery).size(), 2u);
  Arena arena;
  auto document = parseExecutable(kQuery, arena);
  ASSERT_TRUE(document);
  ValidationOptions options;
  options.reject_unused_fragments = false;
  options.reject_unused_variables = false;
  EXPECT_TRUE(validate(testSchema(), **document, options).empty());
}

}  // namespace
}  // namespace graft::graphql::validation
