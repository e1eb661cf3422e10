#include <gtest/gtest.h>

#include <string>

#include "graphql/parser.h"
#include "graphql/test_corpus.h"

namespace graft::graphql {
namespace {

using ast::cast;

const ast::Definition& parseOne(std::string_view source, Arena& arena) {
  auto result = parseSchema(source, arena);
  EXPECT_TRUE(result.has_value()) << source << "\n" << result.error().describe();
  static const ast::ScalarTypeDefinition kNothing{};
  if (!result || (*result)->definitions.size() != 1) return kNothing;
  return *(*result)->definitions[0];
}

std::string message(std::string_view source) {
  Arena arena;
  auto result = parseSchema(source, arena);
  EXPECT_FALSE(result.has_value()) << source;
  return result ? "" : result.error().message;
}

std::string typeName(const ast::Type* type) {
  return std::string(cast<ast::NamedType>(*type).name);
}

TEST(ParseSchemaTest, SchemaDefinition) {
  Arena arena;
  const auto& schema = cast<ast::SchemaDefinition>(
      parseOne("\"\"\"The schema\"\"\" schema @a { query: Q mutation: M subscription: S }", arena));
  EXPECT_EQ(schema.kind, ast::Kind::kSchemaDefinition);
  EXPECT_EQ(schema.description->value, "The schema");
  EXPECT_TRUE(schema.description->block);
  EXPECT_EQ(schema.directives[0]->name, "a");
  ASSERT_EQ(schema.operation_types.size(), 3u);
  EXPECT_EQ(schema.operation_types[1]->operation, ast::OperationType::kMutation);
  EXPECT_EQ(schema.operation_types[2]->type->name, "S");
}

TEST(ParseSchemaTest, SchemaExtension) {
  Arena arena;
  const auto& with_directive = cast<ast::SchemaDefinition>(parseOne("extend schema @a", arena));
  EXPECT_EQ(with_directive.kind, ast::Kind::kSchemaExtension);
  EXPECT_TRUE(with_directive.operation_types.empty());
  const auto& with_ops =
      cast<ast::SchemaDefinition>(parseOne("extend schema { subscription: S }", arena));
  EXPECT_EQ(with_ops.operation_types.size(), 1u);
  EXPECT_EQ(message("extend schema"), "Unexpected <EOF>.");
  EXPECT_EQ(message("schema @a"), "Expected \"{\", found <EOF>.");
  EXPECT_EQ(message("schema {}"), "Unexpected \"}\".");
  EXPECT_EQ(message("schema { fragment: F }"), "Unexpected Name \"fragment\".");
}

TEST(ParseSchemaTest, Scalars) {
  Arena arena;
  const auto& scalar = cast<ast::ScalarTypeDefinition>(parseOne("\"UUIDs\" scalar uuid @x", arena));
  EXPECT_EQ(scalar.name, "uuid");
  EXPECT_EQ(scalar.description->value, "UUIDs");
  EXPECT_FALSE(scalar.description->block);
  EXPECT_EQ(scalar.directives.size(), 1u);
  const auto& extension = cast<ast::ScalarTypeDefinition>(parseOne("extend scalar uuid @y", arena));
  EXPECT_EQ(extension.kind, ast::Kind::kScalarTypeExtension);
  EXPECT_TRUE(extension.isExtension());
  EXPECT_EQ(message("extend scalar uuid"), "Unexpected <EOF>.");
}

TEST(ParseSchemaTest, ObjectTypes) {
  Arena arena;
  const auto& type = cast<ast::ObjectTypeDefinition>(parseOne(R"(
    "An author"
    type author implements & Node & Named @table(name: "authors") {
      "The key"
      id: Int!
      articles("filter" where: article_bool_exp = {id: {_gt: 1}} @d, limit: Int): [article!]! @rel
    })",
                                                              arena));
  EXPECT_EQ(type.kind, ast::Kind::kObjectTypeDefinition);
  EXPECT_EQ(type.description->value, "An author");
  EXPECT_EQ(type.name, "author");
  ASSERT_EQ(type.interfaces.size(), 2u);
  EXPECT_EQ(type.interfaces[1]->name, "Named");
  EXPECT_EQ(type.directives[0]->name, "table");
  ASSERT_EQ(type.fields.size(), 2u);
  EXPECT_EQ(type.fields[0]->description->value, "The key");
  EXPECT_EQ(typeName(cast<ast::NonNullType>(*type.fields[0]->type).type), "Int");
  const ast::FieldDefinition& articles = *type.fields[1];
  ASSERT_EQ(articles.arguments.size(), 2u);
  EXPECT_EQ(articles.arguments[0]->description->value, "filter");
  EXPECT_EQ(articles.arguments[0]->default_value->kind, ast::Kind::kObjectValue);
  EXPECT_EQ(articles.arguments[0]->directives[0]->name, "d");
  EXPECT_EQ(articles.arguments[1]->default_value, nullptr);
  EXPECT_EQ(articles.directives[0]->name, "rel");

  const auto& bare = cast<ast::ObjectTypeDefinition>(parseOne("type Empty", arena));
  EXPECT_TRUE(bare.fields.empty());
}

TEST(ParseSchemaTest, ObjectTypeExtensions) {
  Arena arena;
  EXPECT_EQ(cast<ast::ObjectTypeDefinition>(parseOne("extend type A implements B", arena))
                .interfaces.size(),
            1u);
  EXPECT_EQ(cast<ast::ObjectTypeDefinition>(parseOne("extend type A @d", arena)).directives.size(),
            1u);
  const auto& with_fields =
      cast<ast::ObjectTypeDefinition>(parseOne("extend type A { b: Int }", arena));
  EXPECT_EQ(with_fields.kind, ast::Kind::kObjectTypeExtension);
  EXPECT_EQ(with_fields.description, nullptr);
  EXPECT_EQ(with_fields.fields.size(), 1u);
  EXPECT_EQ(message("extend type A"), "Unexpected <EOF>.");
  EXPECT_EQ(message("\"no descriptions on extensions\" extend type A @d"),
            "Unexpected Name \"extend\".");
}

TEST(ParseSchemaTest, Interfaces) {
  Arena arena;
  const auto& node = cast<ast::InterfaceTypeDefinition>(
      parseOne("interface Resource implements Node & Entity { id: ID! }", arena));
  EXPECT_EQ(node.kind, ast::Kind::kInterfaceTypeDefinition);
  EXPECT_EQ(node.interfaces.size(), 2u);
  EXPECT_EQ(node.fields.size(), 1u);
  const auto& extension =
      cast<ast::InterfaceTypeDefinition>(parseOne("extend interface Resource @d", arena));
  EXPECT_EQ(extension.kind, ast::Kind::kInterfaceTypeExtension);
  EXPECT_EQ(message("extend interface R"), "Unexpected <EOF>.");
}

TEST(ParseSchemaTest, Unions) {
  Arena arena;
  const auto& plain = cast<ast::UnionTypeDefinition>(parseOne("union U = A | B", arena));
  EXPECT_EQ(plain.types.size(), 2u);
  const auto& leading_pipe =
      cast<ast::UnionTypeDefinition>(parseOne("union U @d = | A | B | C", arena));
  EXPECT_EQ(leading_pipe.types.size(), 3u);
  EXPECT_EQ(leading_pipe.types[2]->name, "C");
  EXPECT_TRUE(cast<ast::UnionTypeDefinition>(parseOne("union U", arena)).types.empty());
  EXPECT_EQ(cast<ast::UnionTypeDefinition>(parseOne("extend union U = D", arena)).kind,
            ast::Kind::kUnionTypeExtension);
  EXPECT_EQ(message("union U = "), "Expected Name, found <EOF>.");
  EXPECT_EQ(message("union U = | "), "Expected Name, found <EOF>.");
  EXPECT_EQ(message("union U = A |"), "Expected Name, found <EOF>.");
  EXPECT_EQ(message("union U = || A"), "Expected Name, found \"|\".");
  EXPECT_EQ(message("extend union U"), "Unexpected <EOF>.");
}

TEST(ParseSchemaTest, Enums) {
  Arena arena;
  const auto& type = cast<ast::EnumTypeDefinition>(parseOne(R"(
    enum order_by @d {
      "ascending" asc
      desc @deprecated(reason: "no")
      asc_nulls_first
    })",
                                                            arena));
  ASSERT_EQ(type.values.size(), 3u);
  EXPECT_EQ(type.values[0]->description->value, "ascending");
  EXPECT_EQ(type.values[1]->name, "desc");
  EXPECT_EQ(type.values[1]->directives[0]->name, "deprecated");
  EXPECT_EQ(cast<ast::EnumTypeDefinition>(parseOne("extend enum order_by { x }", arena)).kind,
            ast::Kind::kEnumTypeExtension);
  EXPECT_EQ(message("enum E { true }"),
            "Name \"true\" is reserved and cannot be used for an enum value.");
  EXPECT_EQ(message("enum E { null }"),
            "Name \"null\" is reserved and cannot be used for an enum value.");
  EXPECT_EQ(message("enum E {}"), "Expected Name, found \"}\".");
  EXPECT_EQ(message("extend enum E"), "Unexpected <EOF>.");
}

TEST(ParseSchemaTest, InputObjects) {
  Arena arena;
  const auto& type = cast<ast::InputObjectTypeDefinition>(parseOne(R"(
    input Int_comparison_exp {
      _eq: Int
      _in: [Int!] = [1, 2] @d
      "desc" _is_null: Boolean
    })",
                                                                   arena));
  ASSERT_EQ(type.fields.size(), 3u);
  EXPECT_EQ(type.fields[1]->default_value->kind, ast::Kind::kListValue);
  EXPECT_EQ(type.fields[2]->description->value, "desc");
  EXPECT_EQ(cast<ast::InputObjectTypeDefinition>(parseOne("extend input I @d", arena)).kind,
            ast::Kind::kInputObjectTypeExtension);
  EXPECT_EQ(message("input I { a(x: Int): Int }"), "Expected \":\", found \"(\".");
  EXPECT_EQ(message("input I { a: Int = $v }"), "Unexpected variable \"$v\" in constant value.");
  EXPECT_EQ(message("extend input I"), "Unexpected <EOF>.");
}

TEST(ParseSchemaTest, DirectiveDefinitions) {
  Arena arena;
  const auto& cached = cast<ast::DirectiveDefinition>(
      parseOne("\"Cache it\" directive @cached(ttl: Int! = 60, refresh: Boolean) on QUERY", arena));
  EXPECT_EQ(cached.name, "cached");
  EXPECT_EQ(cached.description->value, "Cache it");
  EXPECT_FALSE(cached.repeatable);
  EXPECT_EQ(cached.arguments.size(), 2u);
  ASSERT_EQ(cached.locations.size(), 1u);
  EXPECT_EQ(cached.locations[0], ast::DirectiveLocation::kQuery);

  const auto& repeatable = cast<ast::DirectiveDefinition>(
      parseOne("directive @tag(name: String!) repeatable on | OBJECT | FIELD_DEFINITION | "
               "INPUT_FIELD_DEFINITION",
               arena));
  EXPECT_TRUE(repeatable.repeatable);
  ASSERT_EQ(repeatable.locations.size(), 3u);
  EXPECT_EQ(repeatable.locations[1], ast::DirectiveLocation::kFieldDefinition);
  EXPECT_EQ(repeatable.locations[2], ast::DirectiveLocation::kInputFieldDefinition);

  EXPECT_EQ(message("directive @d on UNKNOWN"), "Unexpected Name \"UNKNOWN\".");
  EXPECT_EQ(message("directive @d on field"), "Unexpected Name \"field\".");
  EXPECT_EQ(message("directive @d"), "Expected \"on\", found <EOF>.");
  EXPECT_EQ(message("directive d on FIELD"), "Expected \"@\", found Name \"d\".");
  EXPECT_EQ(message("directive @d repeatable"), "Expected \"on\", found <EOF>.");
  EXPECT_EQ(message("directive @d on FIELD |"), "Unexpected <EOF>.");
  EXPECT_EQ(message("extend directive @d on FIELD"), "Unexpected Name \"directive\".");
}

TEST(ParseSchemaTest, EveryDirectiveLocationName) {
  for (int i = 0; i <= static_cast<int>(ast::DirectiveLocation::kInputFieldDefinition); ++i) {
    auto location = static_cast<ast::DirectiveLocation>(i);
    ast::DirectiveLocation parsed;
    ASSERT_TRUE(ast::parseDirectiveLocation(ast::directiveLocationName(location), parsed));
    EXPECT_EQ(parsed, location);
  }
}

TEST(ParseSchemaTest, DescriptionsNeedADefinition) {
  EXPECT_EQ(message("\"dangling\""), "Unexpected <EOF>.");
  EXPECT_EQ(message("type T { \"dangling\" }"), "Expected Name, found \"}\".");
  EXPECT_EQ(message("type T { a: Int b }"), "Expected \":\", found \"}\".");
  EXPECT_EQ(message("type T { a(): Int }"), "Expected Name, found \")\".");
  EXPECT_EQ(message("type T {}"), "Expected Name, found \"}\".");
  EXPECT_EQ(message("type T implements"), "Expected Name, found <EOF>.");
  EXPECT_EQ(message("type T implements A &"), "Expected Name, found <EOF>.");
}

TEST(ParseSchemaTest, OperationsAreNotTypeSystem) {
  Arena arena;
  auto result = parseSchema("type Q { a: Int }\nquery Named { a }", arena);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, SyntaxError::Kind::kNotTypeSystem);
  EXPECT_EQ(result.error().message, "The query \"Named\" is not allowed in a schema document.");
  EXPECT_EQ(result.error().line, 2u);
  EXPECT_EQ(message("{ a }"), "An anonymous query is not allowed in a schema document.");
  EXPECT_EQ(message("fragment F on T { a }"),
            "The fragment \"F\" is not allowed in a schema document.");
}

TEST(ParseSchemaTest, KitchenSink) {
  Arena arena;
  auto result = parseSchema(testing::kKitchenSinkSchema, arena);
  ASSERT_TRUE(result.has_value()) << result.error().describe();
  EXPECT_EQ((*result)->definitions.size(), 37u);
  const auto& foo = cast<ast::ObjectTypeDefinition>(*(*result)->definitions[1]);
  EXPECT_EQ(foo.description->value, "This is a description\nof the `Foo` type.");
  EXPECT_EQ(foo.interfaces.size(), 3u);
  EXPECT_EQ(foo.fields.size(), 7u);
}

}  // namespace
}  // namespace graft::graphql
