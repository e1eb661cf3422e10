#include "graphql/validation/test_support.h"

#include <gtest/gtest.h>

#include <memory>

#include "graphql/arena.h"
#include "graphql/parser.h"
#include "graphql/schema_builder.h"
#include "graphql/validation.h"

namespace graft::graphql::validation {

namespace {

constexpr std::string_view kSdl = R"(
schema { query: QueryRoot mutation: MutationRoot subscription: SubscriptionRoot }

directive @onQuery on QUERY
directive @onMutation on MUTATION
directive @onSubscription on SUBSCRIPTION
directive @onField on FIELD
directive @onFragmentDefinition on FRAGMENT_DEFINITION
directive @onFragmentSpread on FRAGMENT_SPREAD
directive @onInlineFragment on INLINE_FRAGMENT
directive @onVariableDefinition on VARIABLE_DEFINITION
directive @tag(name: String!) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @cached(ttl: Int = 60, refresh: Boolean! = false) on QUERY

scalar JSON
scalar DateTime

enum DogCommand { SIT HEEL DOWN }
enum FurColor { BROWN BLACK TAN SPOTTED }
enum colors_enum { red purple yellow orange green blue }

interface Being { name(surname: Boolean): String }
interface Pet implements Being { name(surname: Boolean): String }
interface Canine implements Pet & Being { name(surname: Boolean): String barkVolume: Int }

type Dog implements Canine & Pet & Being {
  name(surname: Boolean): String
  nickname: String
  barkVolume: Int
  barks: Boolean
  doesKnowCommand(dogCommand: DogCommand): Boolean
  isHouseTrained(atOtherHomes: Boolean = true): Boolean
  isAtLocation(x: Int, y: Int): Boolean
  owner: Human
}

type Cat implements Pet & Being {
  name(surname: Boolean): String
  nickname: String
  meows: Boolean
  meowsVolume: Int
  furColor: FurColor
}

union CatOrDog = Cat | Dog

type Human implements Being {
  name(surname: Boolean): String
  pets: [Pet]
  relatives: [Human!]!
  iq: Int
}

type Alien implements Being { name(surname: Boolean): String numEyes: Int }

union DogOrHuman = Dog | Human
union HumanOrAlien = Human | Alien

input ComplexInput {
  requiredField: Boolean!
  nonNullField: Boolean! = false
  intField: Int
  stringField: String
  booleanField: Boolean
  stringListField: [String]
  nested: ComplexInput
}

type ComplicatedArgs {
  intArgField(intArg: Int): String
  nonNullIntArgField(nonNullIntArg: Int!): String
  stringArgField(stringArg: String): String
  booleanArgField(booleanArg: Boolean): String
  enumArgField(enumArg: FurColor): String
  floatArgField(floatArg: Float): String
  idArgField(idArg: ID): String
  stringListArgField(stringListArg: [String]): String
  stringListNonNullArgField(stringListNonNullArg: [String!]): String
  nestedListArgField(matrix: [[Int!]!]): String
  complexArgField(complexArg: ComplexInput): String
  multipleReqs(req1: Int!, req2: Int!): String
  nonNullFieldWithDefault(arg: Int! = 0): String
  multipleOpts(opt1: Int = 0, opt2: Int = 0): String
  multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
  customArgField(json: JSON, when: DateTime): String
}

input String_comparison_exp { _eq: String _neq: String _in: [String!] }
input Int_comparison_exp { _eq: Int _gt: Int _in: [Int!] }
input colors_enum_comparison_exp { _eq: colors_enum }
input author_bool_exp {
  id: Int_comparison_exp
  name: String_comparison_exp
  favorite_color: colors_enum_comparison_exp
  _and: [author_bool_exp!]
}
input author_insert_input { name: String! favorite_color: colors_enum }

type article { id: Int! title: String author: author! }
type author {
  id: Int!
  name: String
  favorite_color: colors_enum
  articles(limit: Int, offset: Int): [article!]!
}
type author_mutation_response { affected_rows: Int! returning: [author!]! }

type QueryRoot {
  human(id: ID): Human
  alien: Alien
  dog: Dog
  cat: Cat
  pet: Pet
  being: Being
  catOrDog: CatOrDog
  dogOrHuman: DogOrHuman
  humanOrAlien: HumanOrAlien
  complicatedArgs: ComplicatedArgs
  author(where: author_bool_exp, limit: Int, offset: Int): [author!]!
  author_by_pk(id: Int!): author
}

type MutationRoot {
  insert_author(objects: [author_insert_input!]!): author_mutation_response
  addPet(name: String!): Pet
}

type SubscriptionRoot {
  author(where: author_bool_exp): [author!]!
  petAdded: Pet
  tick: Int
}
)";

Errors run(std::string_view query, const Schema& schema, size_t max_errors) {
  Arena arena;
  auto document = parseExecutable(query, arena);
  EXPECT_TRUE(document.has_value()) << query << "\n" << document.error().describe();
  if (!document) return {};
  Errors errors;
  for (const Error& error : validate(schema, **document, {.max_errors = max_errors})) {
    EXPECT_EQ(error.code(), "validation-failed");
    errors.push_back({error.message(), error.path()});
  }
  return errors;
}

}  // namespace

const Schema& testSchema() {
  static const std::shared_ptr<const Schema> schema = [] {
    auto built = buildSchemaFromSdl(kSdl);
    if (!built) ADD_FAILURE() << built.error().message();
    return built ? *built : nullptr;
  }();
  return *schema;
}

void PrintTo(const Reported& reported, std::ostream* out) {
  *out << "{\"" << reported.message << "\", \"" << reported.path << "\"}";
}

Errors errorsOf(std::string_view query, const Schema& schema) { return run(query, schema, 0); }

Errors firstErrorOf(std::string_view query, const Schema& schema) { return run(query, schema, 1); }

}  // namespace graft::graphql::validation
