#include "graphql/printer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graphql/parser.h"
#include "graphql/test_corpus.h"

namespace graft::graphql {
namespace {

std::string reprint(std::string_view source, PrintStyle style = PrintStyle::kPretty) {
  Arena arena;
  auto document = parseDocument(source, arena);
  EXPECT_TRUE(document.has_value()) << source << "\n" << document.error().describe();
  return document ? print(**document, style) : "<parse error>";
}

// Small documents covering every production, for the round-trip property.
const std::vector<std::string_view>& corpus() {
  static const std::vector<std::string_view> kCorpus = {
      testing::kIntrospectionQuery,
      testing::kKitchenSinkQuery,
      testing::kKitchenSinkSchema,
      testing::kHasuraStyleQuery,
      "{ a }",
      "query ($a: Int = 1, $b: [String!]! = [\"x\"] @d) @q { a(x: $a) }",
      "{ a(s: \"quote \\\" slash \\\\ nl \\n tab \\t ctl \\u0001 del \\u007F c1 \\u0085 "
      "\xC3\xA9 \xF0\x9F\x98\x80\") }",
      "{ a(b: \"\"\"  block\n  with \\\"\"\" quotes\n    and indent\"\"\") }",
      "{ a(b: \"\"\"\nends with quote\"\n\"\"\") }",
      "{ a(b: \"\"\"\n  \n  x\n  \n\"\"\") }",
      "{ a(v: [1, -2.5e10, 0.0, true, false, null, ENUM, {a: {b: [[]]}}, {}]) }",
      "subscription S @live { ... on Sub { x } ...F @include(if: true) ... @skip(if: false) { y } "
      "}",
      "fragment F on T @d(a: 1) { f }",
      "\"d\" scalar S @x\nextend scalar S @y",
      "type A implements B & C @d { f(\"arg\" a: Int = 1 @d, b: In): [T!]! @e }",
      "directive @a(\"\"\"multi\nline\"\"\" x: Int) repeatable on FIELD | OBJECT",
      "schema { query: Q } extend schema @a extend schema { mutation: M }",
      "\"\"\"\n  Indented\n    description\n\"\"\"\nenum E { \"v\" A @d B }\nextend enum E @x",
      "input I { a: Int = 1, \"\"\"described\"\"\" b: [I!] = [{a: 2}] }",
      "union U = A | B extend union U @d interface I implements J { f: Int }",
  };
  return kCorpus;
}

TEST(PrinterTest, RoundTripIsStable) {
  for (std::string_view source : corpus()) {
    for (PrintStyle style : {PrintStyle::kPretty, PrintStyle::kCompact}) {
      std::string once = reprint(source, style);
      EXPECT_EQ(reprint(once, style), once) << source;
    }
    // Both styles print the same tokens (compact quotes every string).
    EXPECT_EQ(reprint(reprint(source), PrintStyle::kCompact), reprint(source, PrintStyle::kCompact))
        << source;
  }
}

TEST(PrinterTest, KitchenSinkQuery) {
  EXPECT_EQ(reprint(testing::kKitchenSinkQuery),
            R"(query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
  whoever123is: node(id: [123, 456]) {
    id
    ... on User @onInlineFragment {
      field2 {
        id
        alias: field1(first: 10, after: $foo) @include(if: $foo) {
          id
          ...frag @onFragmentSpread
        }
      }
    }
    ... @skip(unless: $foo) {
      id
    }
    ... {
      id
    }
  }
}

mutation likeStory @onMutation {
  like(story: 123) @onField {
    story {
      id @onField
    }
  }
}

subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
  storyLikeSubscribe(input: $input) {
    story {
      likers {
        count
      }
      likeSentence {
        text
      }
    }
  }
}

fragment frag on Friend @onFragmentDefinition {
  foo(size: $size, bar: $b, obj: {key: "value", block: """
  block string uses \"""
  """})
}

{
  unnamed(truthy: true, falsy: false, nullish: null)
  query
}

{
  __typename
})");
}

TEST(PrinterTest, KitchenSinkSchema) {
  std::string printed = reprint(testing::kKitchenSinkSchema);
  // graphql-js's printer output for the same document, in parts.
  EXPECT_TRUE(printed.starts_with(R"("""This is a description of the schema as a whole."""
schema {
  query: QueryType
  mutation: MutationType
}

"""
This is a description
of the `Foo` type.
"""
type Foo implements Bar & Baz & Two {
  "Description of the `one` field."
  one: Type
  """This is a description of the `two` field."""
  two(
    """This is a description of the `argument` argument."""
    argument: InputType!
  ): Type
  """This is a description of the `three` field."""
  three(argument: InputType, other: String): Int
  four(argument: String = "string"): String
  five(argument: [String] = ["string", "string"]): String
  six(argument: InputType = {key: "value"}): Type
  seven(argument: Int = null): Type
}

type AnnotatedObject @onObject(arg: "value") {
  annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
}

type UndefinedType

extend type Foo {
  seven(argument: [String]): Type
}

extend type Foo @onType
)")) << printed;
  for (std::string_view part : {
           "\n\nunion Feed = Story | Article | Advert\n\n",
           "\n\nunion AnnotatedUnionTwo @onUnion = A | B\n\n",
           "\n\nextend union Feed = Photo | Video\n\n",
           "\n\nextend scalar CustomScalar @onScalar\n\n",
           "\n\nenum Site {\n  \"\"\"This is a description of the `DESKTOP` value\"\"\"\n  "
           "DESKTOP\n"
           "  \"\"\"This is a description of the `MOBILE` value\"\"\"\n  MOBILE\n"
           "  \"This is a description of the `WEB` value\"\n  WEB\n}\n\n",
           "\n\nextend input InputType {\n  other: Float = 1.23e4 @onInputFieldDefinition\n}\n\n",
           "\n\n\"\"\"This is a description of the `@skip` directive\"\"\"\ndirective @skip(\n"
           "  \"\"\"This is a description of the `if` argument\"\"\"\n"
           "  if: Boolean! @onArgumentDefinition\n) on FIELD | FRAGMENT_SPREAD | "
           "INLINE_FRAGMENT\n\n",
           "\n\ndirective @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT\n\n",
           "\n\ndirective @myRepeatableDir(name: String!) repeatable on OBJECT | INTERFACE\n\n",
           "\n\nextend schema @onSchema\n\nextend schema @onSchema {\n  subscription: "
           "SubscriptionType\n}",
       }) {
    EXPECT_NE(printed.find(part), std::string::npos) << part;
  }
  EXPECT_TRUE(printed.ends_with("subscription: SubscriptionType\n}"));
}

TEST(PrinterTest, OperationHeads) {
  EXPECT_EQ(reprint("query { a }"), "{\n  a\n}");
  EXPECT_EQ(reprint("query Q { a }"), "query Q {\n  a\n}");
  EXPECT_EQ(reprint("query ($v: Int) { a }"), "query ($v: Int) {\n  a\n}");
  EXPECT_EQ(reprint("query @d { a }"), "query @d {\n  a\n}");
  EXPECT_EQ(reprint("mutation { a }"), "mutation {\n  a\n}");
  EXPECT_EQ(reprint("subscription($v:[Int!]!=[1]@d){a}"),
            "subscription ($v: [Int!]! = [1] @d) {\n  a\n}");
}

// Found by the fuzz smoke test: after a type without fields, a shorthand query's `{` would be
// read back as the type's fields.
TEST(PrinterTest, QueryKeywordKeptWhereABraceWouldBeTakenAsABody) {
  EXPECT_EQ(reprint("input I @d query { a }"), "input I @d\n\nquery {\n  a\n}");
  EXPECT_EQ(reprint("type T query { a }", PrintStyle::kCompact), "type T query { a }");
  EXPECT_EQ(reprint("extend schema @d query { a }", PrintStyle::kCompact),
            "extend schema @d query { a }");
  EXPECT_EQ(reprint("enum E { A } query { a }", PrintStyle::kCompact), "enum E { A } { a }");
  EXPECT_EQ(reprint("scalar S query { a }", PrintStyle::kCompact), "scalar S { a }");
}

TEST(PrinterTest, Compact) {
  EXPECT_EQ(
      reprint("query Q($id: Int!) {\n  user(id: $id) {\n    name\n  }\n}", PrintStyle::kCompact),
      "query Q($id: Int!) { user(id: $id) { name } }");
  EXPECT_EQ(reprint("{ a(b: \"\"\"x\n  y\"\"\") } { c }", PrintStyle::kCompact),
            "{ a(b: \"x\\ny\") } { c }");
  EXPECT_EQ(reprint("\"\"\"d\"\"\" type T { \"f\" f(\"a\" a: Int): Int }", PrintStyle::kCompact),
            "\"d\" type T { \"f\" f(\"a\" a: Int): Int }");
}

TEST(PrinterTest, StringEscapes) {
  EXPECT_EQ(reprint("{ a(s: \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u0001\\u001F\\u007F\\u0085 "
                    "\\u00e9\\u{1F600}\") }"),
            "{\n  a(s: \"q\\\" b\\\\ s/ \\b\\f\\n\\r\\t \\u0001\\u001F\\u007F\\u0085 "
            "\xC3\xA9\xF0\x9F\x98\x80\")\n}");
  std::string out;
  appendQuotedString("bad \xFF byte", out);
  EXPECT_EQ(out, "\"bad \xEF\xBF\xBD byte\"");
}

TEST(PrinterTest, BlockStrings) {
  EXPECT_EQ(reprint("{ a(b: \"\"\"one line\"\"\") }"), "{\n  a(b: \"\"\"one line\"\"\")\n}");
  EXPECT_EQ(reprint("{ a { b(c: \"\"\"\n      two\n        lines\n    \"\"\") } }"),
            "{\n  a {\n    b(c: \"\"\"\n    two\n      lines\n    \"\"\")\n  }\n}");
  // No block string has this value (leading blank line after escaping), so it is quoted.
  EXPECT_EQ(reprint("{ a(b: \"\\n  x\") }"), "{\n  a(b: \"\\n  x\")\n}");
}

TEST(PrinterTest, SingleNodes) {
  Arena arena;
  auto value = parseValue("{a: [1, \"x\", $v], b: null}", arena, false);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(print(**value), "{a: [1, \"x\", $v], b: null}");
  auto type = parseType("[ [Int !] ] !", arena);
  ASSERT_TRUE(type.has_value());
  EXPECT_EQ(print(**type), "[[Int!]]!");
  auto document = parseExecutable("{ f(a: 1) @d(x: y) { g } }", arena);
  ASSERT_TRUE(document.has_value());
  const auto& op = ast::cast<ast::OperationDefinition>(*(*document)->definitions[0]);
  const auto& field = ast::cast<ast::Field>(*op.selection_set[0]);
  EXPECT_EQ(print(field), "f(a: 1) @d(x: y) {\n  g\n}");
  EXPECT_EQ(print(field, PrintStyle::kCompact), "f(a: 1) @d(x: y) { g }");
  EXPECT_EQ(print(*field.arguments[0]), "a: 1");
  EXPECT_EQ(print(*field.directives[0]), "@d(x: y)");
}

TEST(PrinterTest, IntrospectionQuery) {
  std::string printed = reprint(testing::kIntrospectionQuery);
  EXPECT_TRUE(
      printed.starts_with("query IntrospectionQuery {\n  __schema {\n    queryType {\n"
                          "      name\n    }\n"));
  EXPECT_NE(printed.find("\n\nfragment InputValue on __InputValue {\n  name\n  description\n"
                         "  type {\n    ...TypeRef\n  }\n  defaultValue\n}\n\n"),
            std::string::npos);
}

}  // namespace
}  // namespace graft::graphql
