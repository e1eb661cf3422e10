#include "graphql/block_string.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graphql/arena.h"
#include "graphql/lexer.h"

namespace graft::graphql {
namespace {

std::string dedent(const std::vector<std::string>& lines, std::string_view terminator = "\n") {
  std::string raw;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) raw += terminator;
    raw += lines[i];
  }
  std::string scratch;
  return std::string(blockStringValue(raw, scratch));
}

// graphql-js blockString-test.ts, dedentBlockStringLines.
TEST(BlockStringValueTest, RemovesUniformIndentation) {
  EXPECT_EQ(dedent({"", "    Hello,", "      World!", "", "    Yours,", "      GraphQL."}),
            "Hello,\n  World!\n\nYours,\n  GraphQL.");
}

TEST(BlockStringValueTest, RemovesEmptyLeadingAndTrailingLines) {
  EXPECT_EQ(
      dedent({"", "", "    Hello,", "      World!", "", "    Yours,", "      GraphQL.", "", ""}),
      "Hello,\n  World!\n\nYours,\n  GraphQL.");
}

TEST(BlockStringValueTest, RemovesBlankLeadingAndTrailingLines) {
  EXPECT_EQ(dedent({"  ", "        ", "    Hello,", "      World!", "", "    Yours,",
                    "      GraphQL.", "        ", "  "}),
            "Hello,\n  World!\n\nYours,\n  GraphQL.");
}

TEST(BlockStringValueTest, RetainsIndentationFromFirstLine) {
  EXPECT_EQ(dedent({"    Hello,", "      World!", "", "    Yours,", "      GraphQL."}),
            "    Hello,\n  World!\n\nYours,\n  GraphQL.");
}

TEST(BlockStringValueTest, DoesNotAlterTrailingSpaces) {
  EXPECT_EQ(dedent({"               ", "    Hello,     ", "      World!   ", "               ",
                    "    Yours,     ", "      GraphQL. ", "               "}),
            "Hello,     \n  World!   \n           \nYours,     \n  GraphQL. ");
}

TEST(BlockStringValueTest, TabsCountAsWhiteSpace) {
  EXPECT_EQ(dedent({"", "\t\tHello,", "\t\t\tWorld!", "\t"}), "Hello,\n\tWorld!");
  EXPECT_EQ(dedent({"", " \tmixed", "\t other"}), "mixed\nother");
}

TEST(BlockStringValueTest, AllBlankIsEmpty) {
  EXPECT_EQ(dedent({""}), "");
  EXPECT_EQ(dedent({"   ", "\t", ""}), "");
}

TEST(BlockStringValueTest, EveryLineTerminatorBecomesNewline) {
  EXPECT_EQ(dedent({"", "  a", "  b", ""}, "\r\n"), "a\nb");
  EXPECT_EQ(dedent({"", "  a", "  b", ""}, "\r"), "a\nb");
}

TEST(BlockStringValueTest, UnescapesTripleQuotesAfterDedent) {
  EXPECT_EQ(dedent({"", "  \\\"\"\" a", "    b"}), "\"\"\" a\n  b");
}

TEST(BlockStringValueTest, ContiguousValuesAreViewsIntoTheRaw) {
  std::string raw = "\n  a\n  b\n";
  std::string scratch;
  std::string_view dedented = blockStringValue(raw, scratch);
  EXPECT_EQ(dedented, "a\nb");
  EXPECT_EQ(dedented.data(), scratch.data());
  std::string flat = "\nno indentation\nat all\n";
  std::string_view view = blockStringValue(flat, scratch);
  EXPECT_EQ(view, "no indentation\nat all");
  EXPECT_EQ(view.data(), flat.data() + 1);
}

std::string printed(std::string_view value, std::string_view indent = "") {
  std::string out;
  if (!appendBlockString(value, indent, out)) return "<not printable>";
  return out;
}

TEST(AppendBlockStringTest, GraphqlJsLayout) {
  EXPECT_EQ(printed(""), R"("""""")");
  EXPECT_EQ(printed("simple"), R"("""simple""")");
  EXPECT_EQ(printed("  leading space"), R"("""  leading space""")");
  EXPECT_EQ(printed("triple \"\"\" quotes"), R"("""triple \""" quotes""")");
  EXPECT_EQ(printed("two\nlines"), "\"\"\"\ntwo\nlines\n\"\"\"");
  EXPECT_EQ(printed("two\n  lines", "    "), "\"\"\"\n    two\n      lines\n    \"\"\"");
  EXPECT_EQ(printed("ends with a quote\""), "\"\"\"\nends with a quote\"\n\"\"\"");
  EXPECT_EQ(printed("ends with a backslash\\"), "\"\"\"\nends with a backslash\\\n\"\"\"");
  EXPECT_EQ(printed("with\n\nblank line", "  "), "\"\"\"\n  with\n\n  blank line\n  \"\"\"");
  std::string long_line(80, 'x');
  EXPECT_EQ(printed(long_line), "\"\"\"\n" + long_line + "\n\"\"\"");
}

TEST(AppendBlockStringTest, ValuesNoBlockStringCanHold) {
  EXPECT_EQ(printed("\nleading newline"), "<not printable>");
  EXPECT_EQ(printed("trailing newline\n"), "<not printable>");
  EXPECT_EQ(printed("   "), "<not printable>");
  EXPECT_EQ(printed("a\n  "), "<not printable>");
  EXPECT_EQ(printed("  a\n  b"), "<not printable>");  // indentation common to all lines is lost
  EXPECT_EQ(printed("  a\nb"), "\"\"\"\n  a\nb\n\"\"\"");
  EXPECT_EQ(printed("carriage\rreturn"), "<not printable>");
}

TEST(AppendBlockStringTest, EveryPrintedValueReadsBack) {
  for (std::string_view value :
       {"a", "\"", "\\", "\"\"\"", "\\\"\"\"", "\"\"\"\"", "a\"\"\"\"\"\"b", "x\n\"\"\"",
        "tab\tinside", "  indented\n  both", "a\n\n\nb", "\xF0\x9F\x98\x80 emoji"}) {
    std::string out;
    if (!appendBlockString(value, "  ", out)) continue;
    Arena arena;
    Lexer lexer(out, arena);
    Token token = lexer.next();
    EXPECT_EQ(token.kind, TokenKind::kBlockString) << out;
    EXPECT_EQ(token.value, value) << out;
  }
}

}  // namespace
}  // namespace graft::graphql
