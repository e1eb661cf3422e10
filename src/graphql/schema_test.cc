#include "graphql/schema.h"

#include <gtest/gtest.h>

#include "graphql/schema_builder.h"
#include "graphql/type_registry.h"

namespace graft::graphql {
namespace {

constexpr std::string_view kSdl = R"(
"The root"
type Query {
  "A hero"
  hero(episode: Episode = NEWHOPE, first: Int! = 3): Character
  search(text: String!): [SearchResult!]!
  old: String @deprecated(reason: "use hero")
}
interface Node { id: ID! }
interface Character implements Node { id: ID! name: String friends: [Character] }
type Human implements Character & Node { id: ID! name: String friends: [Character] height: Float }
type Droid implements Character & Node { id: ID! name: String friends: [Human] }
union SearchResult = Human | Droid
enum Episode { NEWHOPE EMPIRE JEDI @deprecated }
input ReviewInput { stars: Int! = 5 commentary: String }
scalar Date @specifiedBy(url: "https://example.com/date")
type Mutation { review(input: ReviewInput!, on: Date): Boolean }
extend type Query { me: Human }
directive @auth(role: String) repeatable on FIELD_DEFINITION | OBJECT
)";

std::shared_ptr<const Schema> fixture() {
  auto schema = buildSchemaFromSdl(kSdl);
  EXPECT_TRUE(schema) << schema.error().message();
  return *schema;
}

TEST(Schema, BuildsFromSdl) {
  auto schema = fixture();
  ASSERT_NE(schema->queryType(), nullptr);
  EXPECT_EQ(schema->queryType()->name(), "Query");
  EXPECT_EQ(schema->mutationType()->name(), "Mutation");
  EXPECT_EQ(schema->subscriptionType(), nullptr);
  EXPECT_EQ(schema->queryType()->description(), "The root");

  const Field* hero = schema->queryType()->findField("hero");
  ASSERT_NE(hero, nullptr);
  EXPECT_EQ(hero->description, "A hero");
  EXPECT_EQ(hero->type.toString(), "Character");
  ASSERT_EQ(hero->arguments.size(), 2u);
  EXPECT_EQ(hero->arguments[1].type.toString(), "Int!");
  ASSERT_NE(hero->arguments[1].default_value, nullptr);
  EXPECT_EQ(schema->queryType()->findField("search")->type.toString(), "[SearchResult!]!");
  EXPECT_NE(schema->queryType()->findField("me"), nullptr) << "extension applied";

  const Field* old = schema->queryType()->findField("old");
  EXPECT_TRUE(old->deprecation.deprecated);
  EXPECT_EQ(old->deprecation.reason, "use hero");
  const NamedType* episode = schema->findType("Episode");
  EXPECT_EQ(episode->findEnumValue("JEDI")->deprecation.reason, "No longer supported");
  EXPECT_EQ(schema->findType("Date")->specifiedByUrl(), "https://example.com/date");
  EXPECT_EQ(schema->findDirective("auth")->repeatable, true);
  EXPECT_NE(schema->findDirective("skip"), nullptr);
  EXPECT_NE(schema->findType("__Schema"), nullptr);
}

TEST(Schema, AbstractTypes) {
  auto schema = fixture();
  const NamedType& character = *schema->findType("Character");
  const NamedType& node = *schema->findType("Node");
  const NamedType& human = *schema->findType("Human");
  const NamedType& result = *schema->findType("SearchResult");
  ASSERT_EQ(character.possibleTypes().size(), 2u);
  EXPECT_EQ(character.possibleTypes()[0]->name(), "Human");
  EXPECT_EQ(node.possibleTypes().size(), 2u) << "interfaces are not runtime types";
  EXPECT_TRUE(schema->isSubType(character, human));
  EXPECT_TRUE(schema->isSubType(node, character));
  EXPECT_FALSE(schema->isSubType(human, character));
  EXPECT_TRUE(schema->overlap(result, character));
  EXPECT_TRUE(schema->overlap(human, result));
  EXPECT_FALSE(schema->overlap(human, *schema->findType("Droid")));
}

TEST(Schema, MetaFields) {
  auto schema = fixture();
  const NamedType& query = *schema->queryType();
  const NamedType& human = *schema->findType("Human");
  EXPECT_EQ(schema->findFieldIncludingMeta(query, "__schema")->type.toString(), "__Schema!");
  EXPECT_EQ(schema->findFieldIncludingMeta(query, "__type")->type.toString(), "__Type");
  EXPECT_EQ(schema->findFieldIncludingMeta(human, "__typename")->type.toString(), "String!");
  EXPECT_EQ(schema->findFieldIncludingMeta(human, "__schema"), nullptr);
}

TEST(TypeRef, WrapsAndUnwraps) {
  SchemaBuilder builder;
  builder.object("Query").field("x", "[[Int!]]!");
  builder.setRootTypes("Query");
  auto schema = builder.build();
  ASSERT_TRUE(schema) << schema.error().message();
  TypeRef ref = (*schema)->queryType()->findField("x")->type;
  EXPECT_EQ(ref.toString(), "[[Int!]]!");
  EXPECT_TRUE(ref.isNonNull());
  EXPECT_EQ(ref.ofType().toString(), "[[Int!]]");
  EXPECT_TRUE(ref.ofType().isList());
  EXPECT_EQ(ref.ofType().ofType().toString(), "[Int!]");
  EXPECT_EQ(ref.ofType().ofType().ofType().toString(), "Int!");
  EXPECT_EQ(ref.ofType().ofType().ofType().ofType().toString(), "Int");
  EXPECT_EQ(ref.ofType().ofType().ofType().ofType().listOf().nonNull().toString(), "[Int]!");
}

TEST(SchemaBuilder, LargeTypesAreIndexed) {
  SchemaBuilder builder;
  auto query = builder.object("Query");
  for (int i = 0; i < 100; ++i) query.field("f" + std::to_string(i), "Int");
  builder.setRootTypes("Query");
  auto schema = builder.build();
  ASSERT_TRUE(schema);
  EXPECT_EQ((*schema)->queryType()->findField("f57")->name, "f57");
  EXPECT_EQ((*schema)->queryType()->findField("f100"), nullptr);
}

void expectInvalid(std::string_view sdl, std::string_view message_part) {
  auto schema = buildSchemaFromSdl(sdl);
  ASSERT_FALSE(schema) << sdl;
  EXPECT_NE(schema.error().message().find(message_part), std::string::npos)
      << schema.error().message();
}

TEST(SchemaBuilder, RejectsBrokenSchemas) {
  expectInvalid("type Query { a: Missing }", "\"Missing\" is referenced but not defined");
  expectInvalid("type Foo { a: Int }", "no query type");
  expectInvalid("schema { query: Foo } input Foo { a: Int }", "must be a defined object type");
  expectInvalid("type Query { a: Int } type Query { b: Int }", "defined more than once");
  expectInvalid("type Query { a: Int a: String }", "\"Query.a\" is defined more than once");
  expectInvalid("type Query { a: In }", "referenced but not defined");
  expectInvalid("input I { a: Int } type Query { a: I }", "must be an output type");
  expectInvalid("type O { a: Int } type Query { a(x: O): Int }", "must be an input type");
  expectInvalid("type Query { a: Int } union U = Query | Int", "can only include object types");
  expectInvalid("interface I { id: ID! } type Query implements I { a: Int }",
                "\"I.id\" expected but \"Query\" does not provide it");
  expectInvalid("interface I { id: ID! } type Query implements I { id: ID }",
                "expects type \"ID!\"");
  expectInvalid("interface I { a(x: Int): Int } type Query implements I { a: Int }",
                "\"I.a(x:)\" expected");
  expectInvalid(
      "interface I { a: Int } interface J implements I { a: Int } "
      "type Query implements J { a: Int }",
      "must implement \"I\"");
  expectInvalid("type Query { __a: Int }", "must not begin with \"__\"");
  expectInvalid("type __Query { a: Int } type Query { a: Int }", "must not begin with \"__\"");
  expectInvalid("type Query { a(x: Int = {): Int }", "Syntax Error");
  expectInvalid("extend type Nope { a: Int } type Query { a: Int }", "not defined");
  expectInvalid("enum E { A A } type Query { a: E }", "\"E.A\" is defined more than once");
  expectInvalid("type Query { a(x: Int! @deprecated): Int }", "cannot be deprecated");
}

TEST(SchemaBuilder, AcceptsCovariantImplementations) {
  auto schema = buildSchemaFromSdl(R"(
    interface I { a: I b: [I] c(x: Int): Int }
    type Query implements I { a: Query! b: [Query!]! c(x: Int, y: Int): Int }
  )");
  EXPECT_TRUE(schema) << schema.error().message();
}

// Two schemas of one registry: a type whose content is the same in both is stored once even
// when a type it refers to differs, and each schema resolves the reference to its own type.
TEST(TypeRegistry, SharesEqualBodiesBetweenSchemas) {
  auto registry = std::make_shared<TypeRegistry>();
  auto build = [&](bool wide) {
    SchemaBuilder builder(registry);
    builder.object("Query").description("the root").field("a", "A!").argument("x", "Int", "", "1");
    auto a = builder.object("A");
    a.field("id", "Int!");
    if (wide) a.field("name", "String");
    builder.setRootTypes("Query");
    auto schema = builder.build();
    EXPECT_TRUE(schema) << schema.error().message();
    return *schema;
  };
  auto narrow = build(false);
  auto wide = build(true);
  const NamedType& narrow_query = *narrow->queryType();
  const NamedType& wide_query = *wide->queryType();
  EXPECT_NE(&narrow_query, &wide_query);
  EXPECT_EQ(&narrow_query.body(), &wide_query.body()) << "Query's content is the same";
  EXPECT_EQ(&narrow->findType("String")->body(), &wide->findType("String")->body());
  EXPECT_NE(&narrow->findType("A")->body(), &wide->findType("A")->body());

  TypeRef ref = narrow_query.findField("a")->type;
  EXPECT_EQ(&narrow->named(ref), narrow->findType("A"));
  EXPECT_EQ(&wide->named(ref), wide->findType("A"));
  EXPECT_EQ(wide->named(ref).fields().size(), 2u);
  EXPECT_EQ(narrow->named(ref).fields().size(), 1u);
  EXPECT_EQ(ref.toString(), "A!");

  // The default value outlives the schema that parsed it.
  const InputValue* x = wide_query.findField("a")->findArgument("x");
  narrow.reset();
  ASSERT_NE(x->default_value, nullptr);
  EXPECT_EQ(ast::cast<ast::IntValue>(*x->default_value).text, "1");

  // Without a shared registry nothing is shared.
  SchemaBuilder alone;
  alone.object("Query").description("the root").field("a", "Int");
  alone.setRootTypes("Query");
  auto other = alone.build();
  ASSERT_TRUE(other);
  EXPECT_NE(&(*other)->findType("String")->body(), &wide->findType("String")->body());
}

}  // namespace
}  // namespace graft::graphql
