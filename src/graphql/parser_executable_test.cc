#include <gtest/gtest.h>

#include <string>

#include "graphql/parser.h"

namespace graft::graphql {
namespace {

using ast::cast;
using ast::dynCast;

const ast::Document& parseOk(std::string_view source, Arena& arena) {
  auto result = parseExecutable(source, arena);
  EXPECT_TRUE(result.has_value()) << source << "\n" << result.error().describe();
  static const ast::Document kEmpty{};
  return result ? **result : kEmpty;
}

SyntaxError parseError(std::string_view source) {
  Arena arena;
  auto result = parseExecutable(source, arena);
  EXPECT_FALSE(result.has_value()) << source;
  return result ? SyntaxError{} : result.error();
}

std::string message(std::string_view source) { return parseError(source).message; }

const ast::OperationDefinition& onlyOperation(const ast::Document& document) {
  static const ast::OperationDefinition kNothing{};
  EXPECT_EQ(document.definitions.size(), 1u);
  if (document.definitions.size() != 1) return kNothing;
  return cast<ast::OperationDefinition>(*document.definitions[0]);
}

const ast::Field& field(const ast::Selection* selection) {
  EXPECT_EQ(selection->kind, ast::Kind::kField);
  return cast<ast::Field>(*selection);
}

TEST(ParseExecutableTest, Shorthand) {
  Arena arena;
  const auto& op = onlyOperation(parseOk("{ a }", arena));
  EXPECT_EQ(op.operation, ast::OperationType::kQuery);
  EXPECT_TRUE(op.name.empty());
  ASSERT_EQ(op.selection_set.size(), 1u);
  EXPECT_EQ(field(op.selection_set[0]).name, "a");
  EXPECT_EQ(op.loc, (ast::Location{1, 1}));
}

TEST(ParseExecutableTest, OperationKinds) {
  Arena arena;
  const auto& document =
      parseOk("query Q { a } mutation M { b } subscription S { c } query { d }", arena);
  ASSERT_EQ(document.definitions.size(), 4u);
  const auto& q = cast<ast::OperationDefinition>(*document.definitions[0]);
  const auto& m = cast<ast::OperationDefinition>(*document.definitions[1]);
  const auto& s = cast<ast::OperationDefinition>(*document.definitions[2]);
  const auto& anonymous = cast<ast::OperationDefinition>(*document.definitions[3]);
  EXPECT_EQ(q.operation, ast::OperationType::kQuery);
  EXPECT_EQ(q.name, "Q");
  EXPECT_EQ(m.operation, ast::OperationType::kMutation);
  EXPECT_EQ(m.name, "M");
  EXPECT_EQ(s.operation, ast::OperationType::kSubscription);
  EXPECT_EQ(s.name, "S");
  EXPECT_TRUE(anonymous.name.empty());
}

TEST(ParseExecutableTest, VariablesWithDefaultsAndDirectives) {
  Arena arena;
  const auto& op = onlyOperation(parseOk(
      R"(query Q($id: Int! = 1 @a, $ids: [ID!]! = ["x"] @b(c: 2), $f: In, $ g : Int) @op(x: $id) {
           user(id: $id) { name }
         })",
      arena));
  ASSERT_EQ(op.variable_definitions.size(), 4u);
  const ast::VariableDefinition& id = *op.variable_definitions[0];
  EXPECT_EQ(id.variable->name, "id");
  const auto& id_type = cast<ast::NonNullType>(*id.type);
  EXPECT_EQ(cast<ast::NamedType>(*id_type.type).name, "Int");
  EXPECT_EQ(cast<ast::IntValue>(*id.default_value).text, "1");
  ASSERT_EQ(id.directives.size(), 1u);
  EXPECT_EQ(id.directives[0]->name, "a");

  const ast::VariableDefinition& ids = *op.variable_definitions[1];
  const auto& list = cast<ast::ListType>(*cast<ast::NonNullType>(*ids.type).type);
  EXPECT_EQ(cast<ast::NamedType>(*cast<ast::NonNullType>(*list.type).type).name, "ID");
  EXPECT_EQ(cast<ast::ListValue>(*ids.default_value).values.size(), 1u);
  EXPECT_EQ(ids.directives[0]->arguments[0]->name, "c");

  EXPECT_EQ(op.variable_definitions[2]->default_value, nullptr);
  EXPECT_TRUE(op.variable_definitions[2]->directives.empty());
  // `$` and the name are two tokens; ignored tokens may separate them.
  EXPECT_EQ(op.variable_definitions[3]->variable->name, "g");

  ASSERT_EQ(op.directives.size(), 1u);
  EXPECT_EQ(op.directives[0]->name, "op");
  EXPECT_EQ(cast<ast::Variable>(*op.directives[0]->arguments[0]->value).name, "id");
}

TEST(ParseExecutableTest, Fields) {
  Arena arena;
  const auto& op = onlyOperation(parseOk(
      "{ alias: name(a: 1, b: $v) @skip(if: true) @other { sub } plain, other: thing }", arena));
  ASSERT_EQ(op.selection_set.size(), 3u);
  const ast::Field& first = field(op.selection_set[0]);
  EXPECT_EQ(first.alias, "alias");
  EXPECT_EQ(first.name, "name");
  EXPECT_EQ(first.responseKey(), "alias");
  ASSERT_EQ(first.arguments.size(), 2u);
  EXPECT_EQ(first.arguments[1]->name, "b");
  EXPECT_EQ(first.arguments[1]->value->kind, ast::Kind::kVariable);
  ASSERT_EQ(first.directives.size(), 2u);
  EXPECT_EQ(first.directives[0]->name, "skip");
  ASSERT_EQ(first.selection_set.size(), 1u);
  const ast::Field& plain = field(op.selection_set[1]);
  EXPECT_TRUE(plain.alias.empty());
  EXPECT_EQ(plain.responseKey(), "plain");
  EXPECT_TRUE(plain.arguments.empty());
  EXPECT_TRUE(plain.selection_set.empty());
  EXPECT_EQ(field(op.selection_set[2]).alias, "other");
}

TEST(ParseExecutableTest, KeywordsAreOrdinaryNames) {
  Arena arena;
  const auto& op = onlyOperation(parseOk(
      "query query { on fragment query: mutation(on: on) true false null type extend }", arena));
  EXPECT_EQ(op.name, "query");
  ASSERT_EQ(op.selection_set.size(), 8u);
  EXPECT_EQ(field(op.selection_set[0]).name, "on");
  EXPECT_EQ(field(op.selection_set[2]).alias, "query");
  EXPECT_EQ(cast<ast::EnumValue>(*field(op.selection_set[2]).arguments[0]->value).value, "on");
  EXPECT_EQ(field(op.selection_set[3]).name, "true");
}

TEST(ParseExecutableTest, Fragments) {
  Arena arena;
  const auto& document = parseOk(R"(
    query { ...Frag @d ... on User @i { id } ... @include(if: $x) { a } ... { b } }
    fragment Frag on Query @fd { me { id } }
  )",
                                 arena);
  ASSERT_EQ(document.definitions.size(), 2u);
  const auto& op = cast<ast::OperationDefinition>(*document.definitions[0]);
  ASSERT_EQ(op.selection_set.size(), 4u);
  const auto& spread = cast<ast::FragmentSpread>(*op.selection_set[0]);
  EXPECT_EQ(spread.name, "Frag");
  EXPECT_EQ(spread.directives[0]->name, "d");
  const auto& on_user = cast<ast::InlineFragment>(*op.selection_set[1]);
  EXPECT_EQ(on_user.type_condition->name, "User");
  EXPECT_EQ(on_user.directives[0]->name, "i");
  const auto& conditional = cast<ast::InlineFragment>(*op.selection_set[2]);
  EXPECT_EQ(conditional.type_condition, nullptr);
  EXPECT_EQ(conditional.directives[0]->name, "include");
  const auto& bare = cast<ast::InlineFragment>(*op.selection_set[3]);
  EXPECT_EQ(bare.type_condition, nullptr);
  EXPECT_TRUE(bare.directives.empty());

  const auto& fragment = cast<ast::FragmentDefinition>(*document.definitions[1]);
  EXPECT_EQ(fragment.name, "Frag");
  EXPECT_EQ(fragment.type_condition->name, "Query");
  EXPECT_EQ(fragment.directives[0]->name, "fd");
  EXPECT_EQ(fragment.selection_set.size(), 1u);
}

TEST(ParseExecutableTest, NodeLocations) {
  Arena arena;
  const auto& op = onlyOperation(parseOk("query Q {\n  a\n  b: c(x: [1])\n}", arena));
  EXPECT_EQ(op.selection_set[0]->loc, (ast::Location{2, 3}));
  const ast::Field& c = field(op.selection_set[1]);
  EXPECT_EQ(c.loc, (ast::Location{3, 3}));
  EXPECT_EQ(c.arguments[0]->loc, (ast::Location{3, 8}));
  EXPECT_EQ(c.arguments[0]->value->loc, (ast::Location{3, 11}));
  EXPECT_EQ(cast<ast::ListValue>(*c.arguments[0]->value).values[0]->loc, (ast::Location{3, 12}));
}

TEST(ParseExecutableTest, NamesPointIntoTheSource) {
  Arena arena;
  std::string source = "{ field(arg: \"plain\") }";
  const auto& op = onlyOperation(parseOk(source, arena));
  const ast::Field& f = field(op.selection_set[0]);
  EXPECT_EQ(f.name.data(), source.data() + 2);
  EXPECT_EQ(cast<ast::StringValue>(*f.arguments[0]->value).value.data(), source.data() + 14);
}

TEST(ParseExecutableTest, SyntaxErrors) {
  EXPECT_EQ(message(""), "Unexpected <EOF>.");
  EXPECT_EQ(message("  # just a comment\n"), "Unexpected <EOF>.");
  EXPECT_EQ(message("{"), "Expected Name, found <EOF>.");
  EXPECT_EQ(message("{}"), "Expected Name, found \"}\".");
  EXPECT_EQ(message("{ a"), "Expected Name, found <EOF>.");
  EXPECT_EQ(message("query"), "Expected \"{\", found <EOF>.");
  EXPECT_EQ(message("query Q"), "Expected \"{\", found <EOF>.");
  EXPECT_EQ(message("query Q Q { a }"), "Expected \"{\", found Name \"Q\".");
  EXPECT_EQ(message("{ a(b) }"), "Expected \":\", found \")\".");
  EXPECT_EQ(message("{ a() }"), "Expected Name, found \")\".");
  EXPECT_EQ(message("{ a(x: ) }"), "Unexpected \")\".");
  EXPECT_EQ(message("{ a(x: [1, 2) }"), "Unexpected \")\".");
  EXPECT_EQ(message("{ a(x: {b 1}) }"), "Expected \":\", found Int \"1\".");
  EXPECT_EQ(message("{ a: 1 }"), "Expected Name, found Int \"1\".");
  EXPECT_EQ(message("{ a @ }"), "Expected Name, found \"}\".");
  EXPECT_EQ(message("{ ... }"), "Expected \"{\", found \"}\".");
  EXPECT_EQ(message("{ ... on }"), "Expected Name, found \"}\".");
  EXPECT_EQ(message("{ ... on T }"), "Expected \"{\", found \"}\".");
  EXPECT_EQ(message("query () { a }"), "Expected \"$\", found \")\".");
  EXPECT_EQ(message("query ($a) { a }"), "Expected \":\", found \")\".");
  EXPECT_EQ(message("query ($a: Int!!) { a }"), "Expected \"$\", found \"!\".");
  EXPECT_EQ(message("query ($a: [Int) { a }"), "Expected \"]\", found \")\".");
  EXPECT_EQ(message("query ($a: Int = $b) { a }"), "Unexpected variable \"$b\" in constant value.");
  EXPECT_EQ(message("query ($a: Int = [{x: $b}]) { a }"),
            "Unexpected variable \"$b\" in constant value.");
  EXPECT_EQ(message("query ($a: Int @d(x: $b)) { a }"),
            "Unexpected variable \"$b\" in constant value.");
  EXPECT_EQ(message("fragment on on T { a }"), "Unexpected Name \"on\".");
  EXPECT_EQ(message("fragment F T { a }"), "Expected \"on\", found Name \"T\".");
  EXPECT_EQ(message("fragment F on T"), "Expected \"{\", found <EOF>.");
  EXPECT_EQ(message("notanoperation Foo { field }"), "Unexpected Name \"notanoperation\".");
  EXPECT_EQ(message("..."), "Unexpected \"...\".");
  EXPECT_EQ(message("{ a } b"), "Unexpected Name \"b\".");
  EXPECT_EQ(message("{ a(\"" + std::string(100, 'y') + "\") }"),
            "Expected Name, found String \"" + std::string(40, 'y') + "...\".");
  EXPECT_EQ(message("\"desc\" query { a }"),
            "Unexpected description, descriptions are supported only on type definitions.");
  // Lexical errors surface unchanged.
  EXPECT_EQ(message("{ a(x: 00) }"), "Invalid number, unexpected digit after 0: \"0\".");
  EXPECT_EQ(message("{ a(x: \"\\q\") }"), "Invalid character escape sequence: \"\\q\".");
}

TEST(ParseExecutableTest, ErrorPositions) {
  SyntaxError error = parseError("query {\n  a(x: 1,\n     y: )\n}");
  EXPECT_EQ(error.kind, SyntaxError::Kind::kSyntax);
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.column, 9u);
  EXPECT_EQ(error.describe(), "Syntax Error: Unexpected \")\". (line 3, column 9)");
  Error converted = error.toError();
  EXPECT_EQ(converted.code(), "parse-failed");
  EXPECT_EQ(converted.message(), error.describe());

  error = parseError("{\n  a\n");
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.column, 1u);
}

TEST(ParseExecutableTest, HasurasUnterminatedStringCase) {
  // graphql_query/boolexp/ltree: Hasura answers "not a valid graphql query"; the HTTP layer
  // maps any SyntaxError to that, keeping the detail for logs.
  SyntaxError error = parseError(
      "query {\n  tree (\n    where: {path: {_matches: \"*.Astronomy.*\\\"}}\n  ) {\n    path\n  "
      "}\n}\n");
  EXPECT_EQ(error.message, "Unterminated string.");
  EXPECT_EQ(error.line, 3u);
}

TEST(ParseExecutableTest, TypeSystemDefinitionsAreNotExecutable) {
  SyntaxError error = parseError("{ a }\n\n  type Foo { a: Int }");
  EXPECT_EQ(error.kind, SyntaxError::Kind::kNotExecutable);
  EXPECT_EQ(error.message, "The \"Foo\" definition is not executable.");
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.column, 3u);
  EXPECT_EQ(message("schema { query: Q }"), "The schema definition is not executable.");
  EXPECT_EQ(message("extend schema @d"), "The schema definition is not executable.");
  EXPECT_EQ(message("\"described\" scalar S"), "The \"S\" definition is not executable.");
  EXPECT_EQ(message("extend type T @d"), "The \"T\" definition is not executable.");
  EXPECT_EQ(message("directive @d on FIELD"), "The \"@d\" definition is not executable.");
  // A syntax error inside the definition is reported as such.
  EXPECT_EQ(parseError("type Foo {").kind, SyntaxError::Kind::kSyntax);
}

TEST(ParseExecutableTest, ParseDocumentAcceptsBoth) {
  Arena arena;
  auto result = parseDocument("{ a } type Query { a: Int }", arena);
  ASSERT_TRUE(result.has_value()) << result.error().describe();
  EXPECT_EQ((*result)->definitions.size(), 2u);
}

TEST(ParseValueTest, EveryKind) {
  Arena arena;
  auto value = parseValue(
      R"([$v, 1, -2.5e3, "s", """b""", true, false, null, ENUM, [], {}, {a: [1], b: {c: null}}])",
      arena, /*is_const=*/false);
  ASSERT_TRUE(value.has_value()) << value.error().describe();
  const auto& list = cast<ast::ListValue>(**value);
  ASSERT_EQ(list.values.size(), 12u);
  EXPECT_EQ(cast<ast::Variable>(*list.values[0]).name, "v");
  EXPECT_EQ(cast<ast::IntValue>(*list.values[1]).text, "1");
  EXPECT_EQ(cast<ast::FloatValue>(*list.values[2]).text, "-2.5e3");
  EXPECT_EQ(cast<ast::StringValue>(*list.values[3]).value, "s");
  EXPECT_FALSE(cast<ast::StringValue>(*list.values[3]).block);
  EXPECT_TRUE(cast<ast::StringValue>(*list.values[4]).block);
  EXPECT_TRUE(cast<ast::BooleanValue>(*list.values[5]).value);
  EXPECT_FALSE(cast<ast::BooleanValue>(*list.values[6]).value);
  EXPECT_EQ(list.values[7]->kind, ast::Kind::kNullValue);
  EXPECT_EQ(cast<ast::EnumValue>(*list.values[8]).value, "ENUM");
  EXPECT_TRUE(cast<ast::ListValue>(*list.values[9]).values.empty());
  EXPECT_TRUE(cast<ast::ObjectValue>(*list.values[10]).fields.empty());
  const auto& object = cast<ast::ObjectValue>(*list.values[11]);
  ASSERT_EQ(object.fields.size(), 2u);
  EXPECT_EQ(object.fields[0]->name, "a");
  EXPECT_EQ(object.fields[1]->name, "b");
  EXPECT_EQ(dynCast<ast::ObjectValue>(object.fields[1]->value)->fields[0]->value->kind,
            ast::Kind::kNullValue);
  EXPECT_EQ(dynCast<ast::ListValue>(object.fields[1]->value), nullptr);
}

TEST(ParseValueTest, ConstRejectsVariables) {
  Arena arena;
  EXPECT_TRUE(parseValue("{a: $v}", arena, false).has_value());
  auto value = parseValue("{a: $v}", arena, true);
  ASSERT_FALSE(value.has_value());
  EXPECT_EQ(value.error().message, "Unexpected variable \"$v\" in constant value.");
  EXPECT_EQ(value.error().column, 5u);
  EXPECT_EQ(parseValue("1 2", arena, true).error().message, "Expected <EOF>, found Int \"2\".");
  EXPECT_EQ(parseValue("", arena, true).error().message, "Unexpected <EOF>.");
}

TEST(ParseTypeTest, Wrappers) {
  Arena arena;
  auto type = parseType("[[Int!]]!", arena);
  ASSERT_TRUE(type.has_value());
  const auto& outer = cast<ast::NonNullType>(**type);
  const auto& list = cast<ast::ListType>(*outer.type);
  const auto& inner = cast<ast::ListType>(*list.type);
  EXPECT_EQ(cast<ast::NamedType>(*cast<ast::NonNullType>(*inner.type).type).name, "Int");
  EXPECT_FALSE(parseType("Int!!", arena).has_value());
  EXPECT_FALSE(parseType("[Int", arena).has_value());
  EXPECT_FALSE(parseType("[]", arena).has_value());
  EXPECT_FALSE(parseType("!", arena).has_value());
}

}  // namespace
}  // namespace graft::graphql
