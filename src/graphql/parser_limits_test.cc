// The limits against hostile input, and the proof that the depth limit keeps the recursive
// parser (and printer) within a small, measured stack.
#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/mman.h>

#include <cstring>
#include <functional>
#include <iostream>
#include <string>

#include "graphql/parser.h"
#include "graphql/printer.h"

namespace graft::graphql {
namespace {

SyntaxError parseError(std::string_view source, const ParseLimits& limits = {}) {
  Arena arena;
  auto result = parseExecutable(source, arena, limits);
  EXPECT_FALSE(result.has_value());
  return result ? SyntaxError{} : result.error();
}

bool parses(std::string_view source, const ParseLimits& limits) {
  Arena arena;
  auto result = parseExecutable(source, arena, limits);
  return result.has_value();
}

std::string repeat(std::string_view unit, size_t count) {
  std::string out;
  out.reserve(unit.size() * count);
  for (size_t i = 0; i < count; ++i) out += unit;
  return out;
}

// Nested selection sets: `{ a { a { ... { a } ... } } }` with `depth` sets.
std::string nestedSelections(size_t depth) {
  return repeat("{ a ", depth - 1) + "{ a }" + repeat(" }", depth - 1);
}
// One selection set whose argument value nests `depth - 1` lists.
std::string nestedLists(size_t depth) {
  return "{ a(x: " + repeat("[", depth - 1) + "1" + repeat("]", depth - 1) + ") }";
}
std::string nestedObjects(size_t depth) {
  return "{ a(x: " + repeat("{b: ", depth - 1) + "1" + repeat("}", depth - 1) + ") }";
}
std::string nestedListTypes(size_t depth) {
  return "query ($v: " + repeat("[", depth) + "Int" + repeat("]!", depth) + ") { a }";
}

TEST(ParseLimitsTest, DocumentSize) {
  ParseLimits limits;
  limits.max_bytes = 10;
  EXPECT_TRUE(parses("{ a }", limits));
  EXPECT_TRUE(parses("{ abcdef }", limits));
  SyntaxError error = parseError("{ abcdefg }", limits);
  EXPECT_EQ(error.kind, SyntaxError::Kind::kDocumentTooLarge);
  EXPECT_EQ(error.message, "Document is 11 bytes, more than the limit of 10 bytes.");
  EXPECT_EQ(error.line, 0u);
  EXPECT_EQ(error.describe(), "Document is 11 bytes, more than the limit of 10 bytes.");
  EXPECT_EQ(error.toError().code(), "parse-failed");
}

TEST(ParseLimitsTest, TokenCount) {
  ParseLimits limits;
  limits.max_tokens = 3;
  EXPECT_TRUE(parses("{ a }", limits));
  EXPECT_TRUE(parses("{ a } # comments, commas and whitespace are free,,,,", limits));
  SyntaxError error = parseError("{ a b }", limits);
  EXPECT_EQ(error.kind, SyntaxError::Kind::kTooManyTokens);
  EXPECT_EQ(error.message, "Document has more than 3 tokens.");
  EXPECT_EQ(error.line, 1u);
  EXPECT_EQ(error.column, 7u);
}

TEST(ParseLimitsTest, DepthCountsEveryKindOfNesting) {
  ParseLimits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(parses(nestedSelections(3), limits));
  EXPECT_FALSE(parses(nestedSelections(4), limits));
  EXPECT_TRUE(parses(nestedLists(3), limits));
  EXPECT_FALSE(parses(nestedLists(4), limits));
  EXPECT_TRUE(parses(nestedObjects(3), limits));
  EXPECT_FALSE(parses(nestedObjects(4), limits));
  EXPECT_TRUE(parses(nestedListTypes(3), limits));
  EXPECT_FALSE(parses(nestedListTypes(4), limits));
  // Levels of different kinds add up.
  EXPECT_TRUE(parses("{ a { b(x: [1]) } }", limits));
  EXPECT_FALSE(parses("{ a { b(x: [{c: 1}]) } }", limits));
  EXPECT_TRUE(parses("{ ... on T { ... { a } } }", limits));
  EXPECT_FALSE(parses("{ ... on T { ... { a { b } } } }", limits));

  SyntaxError error = parseError("{ a {\n b { c { d } } } }", limits);
  EXPECT_EQ(error.kind, SyntaxError::Kind::kTooDeep);
  EXPECT_EQ(error.message, "Document is nested deeper than the limit of 3 levels.");
  EXPECT_EQ(error.line, 2u);
  EXPECT_EQ(error.column, 8u);
}

TEST(ParseLimitsTest, DefaultDepthIs256) {
  EXPECT_TRUE(parses(nestedSelections(256), {}));
  EXPECT_EQ(parseError(nestedSelections(257)).kind, SyntaxError::Kind::kTooDeep);
  EXPECT_TRUE(parses(nestedLists(256), {}));
  EXPECT_EQ(parseError(nestedLists(257)).kind, SyntaxError::Kind::kTooDeep);
}

TEST(ParseLimitsTest, DepthAboveTheCeilingIsCapped) {
  ParseLimits limits;
  limits.max_depth = 1'000'000;
  EXPECT_TRUE(parses(nestedSelections(kMaxDepthCeiling), limits));
  SyntaxError error = parseError(nestedSelections(kMaxDepthCeiling + 1), limits);
  EXPECT_EQ(error.kind, SyntaxError::Kind::kTooDeep);
  EXPECT_EQ(error.message, "Document is nested deeper than the limit of 1024 levels.");
}

// A million unclosed openers of every nestable kind fail fast, without deep recursion.
TEST(ParseLimitsTest, MillionFoldNesting) {
  constexpr size_t kMillion = 1'000'000;
  for (const std::string& source :
       {"{ a " + repeat("{ a ", kMillion), "{ a(x: " + repeat("[", kMillion),
        "{ a(x: " + repeat("{a: ", kMillion), "query ($v: " + repeat("[", kMillion),
        "{ ... on T " + repeat("{ ... ", kMillion)}) {
    SyntaxError error = parseError(source);
    EXPECT_EQ(error.kind, SyntaxError::Kind::kTooDeep) << source.substr(0, 20);
  }
  Arena arena;
  auto value = parseValue(repeat("[", kMillion), arena, /*is_const=*/true);
  ASSERT_FALSE(value.has_value());
  EXPECT_EQ(value.error().kind, SyntaxError::Kind::kTooDeep);
  // Closed too, and past the token limit: whichever limit comes first wins, never the stack.
  ParseLimits limits;
  limits.max_tokens = 10'000'000;
  limits.max_bytes = 64 * 1024 * 1024;
  EXPECT_EQ(parseError(nestedLists(kMillion), limits).kind, SyntaxError::Kind::kTooDeep);
}

// Runs `body` on a thread whose stack is painted with a pattern, and returns how many bytes of
// it were ever touched.
class StackProbe {
 public:
  static size_t highWater(std::function<void()> body, size_t stack_bytes) {
    void* stack =
        mmap(nullptr, stack_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    EXPECT_NE(stack, MAP_FAILED);
    std::memset(stack, kPaint, stack_bytes);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstack(&attr, stack, stack_bytes);
    pthread_t thread;
    EXPECT_EQ(pthread_create(&thread, &attr, &StackProbe::run, &body), 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    size_t untouched = countUntouched(static_cast<const unsigned char*>(stack), stack_bytes);
    munmap(stack, stack_bytes);
    return stack_bytes - untouched;
  }

 private:
  static constexpr unsigned char kPaint = 0xA5;

  static void* run(void* body) {
    (*static_cast<std::function<void()>*>(body))();
    return nullptr;
  }

  // The stack grows down, so untouched bytes are at the low end. ASan may still consider
  // parts of a finished thread's stack poisoned; this read is deliberate.
  __attribute__((no_sanitize("address"))) static size_t countUntouched(const unsigned char* stack,
                                                                       size_t size) {
    size_t n = 0;
    while (n < size && stack[n] == kPaint) ++n;
    return n;
  }
};

// The documented bound of parser.h: stack use grows by at most this much per nesting level
// (in the worst shape and the heaviest build, Debug with ASan), so kMaxDepthCeiling levels
// stay within 2 MiB of an 8 MiB thread stack.
constexpr size_t kMaxStackBytesPerLevel = 2048;

TEST(ParseLimitsTest, StackUseIsBoundedPerLevel) {
  ParseLimits limits;
  limits.max_depth = kMaxDepthCeiling;
  constexpr size_t kShallow = 32;
  constexpr size_t kStackBytes = 16 * 1024 * 1024;
  struct Shape {
    const char* name;
    std::string (*make)(size_t);
  };
  for (Shape shape : {Shape{"selections", nestedSelections}, Shape{"lists", nestedLists},
                      Shape{"objects", nestedObjects}, Shape{"list types", nestedListTypes}}) {
    auto parseAndPrint = [&](size_t depth) {
      std::string source = shape.make(depth);
      return StackProbe::highWater(
          [&] {
            Arena arena;
            auto document = parseExecutable(source, arena, limits);
            ASSERT_TRUE(document.has_value()) << document.error().describe();
            EXPECT_FALSE(print(**document).empty());
          },
          kStackBytes);
    };
    size_t shallow = parseAndPrint(kShallow);
    size_t deep = parseAndPrint(kMaxDepthCeiling);
    size_t per_level = (deep - shallow) / (kMaxDepthCeiling - kShallow);
    std::cout << "[ stack    ] " << shape.name << ": " << deep << " bytes at depth "
              << kMaxDepthCeiling << ", " << per_level << " bytes per level\n";
    EXPECT_LE(per_level, kMaxStackBytesPerLevel) << shape.name;
    EXPECT_LE(deep, 2u * 1024 * 1024) << shape.name;
  }
}

}  // namespace
}  // namespace graft::graphql
