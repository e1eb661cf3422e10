#include "graphql/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace graft::graphql {
namespace {

struct Lexed {
  std::vector<Token> tokens;  // without the final <EOF>
  SyntaxError error;
  bool ok = true;
};

Lexed lexAll(std::string_view source, Arena& arena) {
  Lexed result;
  Lexer lexer(source, arena);
  for (;;) {
    Token token = lexer.next();
    if (token.kind == TokenKind::kEof) return result;
    if (token.kind == TokenKind::kError) {
      result.ok = false;
      result.error = lexer.error();
      return result;
    }
    result.tokens.push_back(token);
  }
}

// The single token of `source`, which must lex cleanly.
Token lexOne(std::string_view source, Arena& arena) {
  Lexed lexed = lexAll(source, arena);
  EXPECT_TRUE(lexed.ok) << source << ": " << lexed.error.message;
  EXPECT_EQ(lexed.tokens.size(), 1u) << source;
  return lexed.tokens.empty() ? Token{} : lexed.tokens[0];
}

std::string stringValue(std::string_view source) {
  Arena arena;
  Token token = lexOne(source, arena);
  EXPECT_TRUE(token.kind == TokenKind::kString || token.kind == TokenKind::kBlockString) << source;
  return std::string(token.value);
}

// The error message of a source that must fail to lex.
std::string lexError(std::string_view source) {
  Arena arena;
  Lexed lexed = lexAll(source, arena);
  EXPECT_FALSE(lexed.ok) << source;
  return lexed.error.message;
}

TEST(LexerTest, Punctuators) {
  Arena arena;
  Lexed lexed = lexAll("! $ & ( ) ... : = @ [ ] { | }", arena);
  ASSERT_TRUE(lexed.ok);
  std::vector<TokenKind> kinds;
  for (const Token& t : lexed.tokens) kinds.push_back(t.kind);
  EXPECT_EQ(kinds,
            (std::vector<TokenKind>{TokenKind::kBang, TokenKind::kDollar, TokenKind::kAmp,
                                    TokenKind::kParenL, TokenKind::kParenR, TokenKind::kSpread,
                                    TokenKind::kColon, TokenKind::kEquals, TokenKind::kAt,
                                    TokenKind::kBracketL, TokenKind::kBracketR, TokenKind::kBraceL,
                                    TokenKind::kPipe, TokenKind::kBraceR}));
  EXPECT_EQ(lexed.tokens[5].value, "...");
}

TEST(LexerTest, Names) {
  Arena arena;
  Lexed lexed = lexAll("_ a _a1 B2_c __typename", arena);
  ASSERT_TRUE(lexed.ok);
  ASSERT_EQ(lexed.tokens.size(), 5u);
  EXPECT_EQ(lexed.tokens[2].value, "_a1");
  EXPECT_EQ(lexed.tokens[4].value, "__typename");
  for (const Token& t : lexed.tokens) EXPECT_EQ(t.kind, TokenKind::kName);
}

TEST(LexerTest, ValidNumbers) {
  Arena arena;
  for (std::string_view text :
       {"0", "-0", "4", "-4", "9", "1234567890", "123456789012345678901234"}) {
    Token token = lexOne(text, arena);
    EXPECT_EQ(token.kind, TokenKind::kInt) << text;
    EXPECT_EQ(token.value, text);
  }
  for (std::string_view text :
       {"0.0", "-0.0", "4.123", "-4.123", "0.123", "123e4", "123E4", "123e-4", "123e+4", "-1.123e4",
        "-1.123E4", "-1.123e-4", "-1.123e+4", "-1.123e4567", "1e0", "0e0"}) {
    Token token = lexOne(text, arena);
    EXPECT_EQ(token.kind, TokenKind::kFloat) << text;
    EXPECT_EQ(token.value, text);
  }
}

TEST(LexerTest, InvalidNumbers) {
  EXPECT_EQ(lexError("00"), "Invalid number, unexpected digit after 0: \"0\".");
  EXPECT_EQ(lexError("01"), "Invalid number, unexpected digit after 0: \"1\".");
  EXPECT_EQ(lexError("-01"), "Invalid number, unexpected digit after 0: \"1\".");
  EXPECT_EQ(lexError("1."), "Invalid number, expected digit but got: <EOF>.");
  EXPECT_EQ(lexError("1.e1"), "Invalid number, expected digit but got: \"e\".");
  EXPECT_EQ(lexError("1.A"), "Invalid number, expected digit but got: \"A\".");
  EXPECT_EQ(lexError("1e"), "Invalid number, expected digit but got: <EOF>.");
  EXPECT_EQ(lexError("1e+"), "Invalid number, expected digit but got: <EOF>.");
  EXPECT_EQ(lexError("1.0e"), "Invalid number, expected digit but got: <EOF>.");
  EXPECT_EQ(lexError("-"), "Invalid number, expected digit but got: <EOF>.");
  EXPECT_EQ(lexError("-A"), "Invalid number, expected digit but got: \"A\".");
  EXPECT_EQ(lexError("- 1"), "Invalid number, expected digit but got: \" \".");
  EXPECT_EQ(lexError("0x1"), "Invalid number, expected digit but got: \"x\".");
  EXPECT_EQ(lexError("123abc"), "Invalid number, expected digit but got: \"a\".");
  EXPECT_EQ(lexError("1_000"), "Invalid number, expected digit but got: \"_\".");
  EXPECT_EQ(lexError("1.23f"), "Invalid number, expected digit but got: \"f\".");
  EXPECT_EQ(lexError("1.2.3"), "Invalid number, expected digit but got: \".\".");
  EXPECT_EQ(lexError("1.23e4.5"), "Invalid number, expected digit but got: \".\".");
  EXPECT_EQ(lexError("12e3x"), "Invalid number, expected digit but got: \"x\".");
  EXPECT_EQ(lexError(".123"), "Unexpected character: \".\".");
  EXPECT_EQ(lexError("1\xC3\xA9"), "Unexpected character: U+00E9.");  // 1 then é
}

TEST(LexerTest, NumberFollowedByPunctuatorIsFine) {
  Arena arena;
  Lexed lexed = lexAll("[1,2]{-3}", arena);
  ASSERT_TRUE(lexed.ok);
  ASSERT_EQ(lexed.tokens.size(), 7u);
  EXPECT_EQ(lexed.tokens[1].value, "1");
  EXPECT_EQ(lexed.tokens[5].value, "-3");
}

TEST(LexerTest, SimpleStringIsAViewIntoTheSource) {
  Arena arena;
  std::string source = "\"simple string\"";
  Token token = lexOne(source, arena);
  EXPECT_EQ(token.kind, TokenKind::kString);
  EXPECT_EQ(token.value, "simple string");
  EXPECT_EQ(token.value.data(), source.data() + 1);
  EXPECT_EQ(arena.bytesReserved(), 0u);
}

TEST(LexerTest, StringEscapes) {
  EXPECT_EQ(stringValue(R"("")"), "");
  EXPECT_EQ(stringValue(R"(" white space ")"), " white space ");
  EXPECT_EQ(stringValue(R"("quote \"")"), "quote \"");
  EXPECT_EQ(stringValue(R"("escaped \n\r\b\t\f")"), "escaped \n\r\b\t\f");
  EXPECT_EQ(stringValue(R"("slashes \\ \/")"), "slashes \\ /");
  EXPECT_EQ(stringValue(R"("unicode \u1234\u5678\u90AB\uCDEF")"),
            "unicode \u1234\u5678\u90AB\uCDEF");
  EXPECT_EQ(stringValue(R"("\u0041\u00e9")"), "A\xC3\xA9");
  EXPECT_EQ(stringValue(R"("\u0000")"), std::string(1, '\0'));
  EXPECT_EQ(stringValue(R"("unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}")"),
            "unicode \u1234\u5678\u90AB\uCDEF");
  EXPECT_EQ(stringValue(R"("string with unicode escape outside BMP \u{1F600}")"),
            "string with unicode escape outside BMP \xF0\x9F\x98\x80");
  EXPECT_EQ(stringValue(R"("leading zeros \u{0000000041}")"), "leading zeros A");
  EXPECT_EQ(stringValue(R"("max \u{10FFFF}")"), "max \xF4\x8F\xBF\xBF");
  EXPECT_EQ(stringValue(R"("surrogate pair \uD83D\uDE00")"), "surrogate pair \xF0\x9F\x98\x80");
  EXPECT_EQ(stringValue(R"("pair \uD83D\uDE00\uD83D\uDE00")"),
            "pair \xF0\x9F\x98\x80\xF0\x9F\x98\x80");
  EXPECT_EQ(stringValue(R"("lower case \ud83d\ude00")"), "lower case \xF0\x9F\x98\x80");
  EXPECT_EQ(stringValue(R"("prefix\u0041suffix")"), "prefixAsuffix");
}

TEST(LexerTest, RawCharactersInStrings) {
  EXPECT_EQ(stringValue("\"caf\xC3\xA9 \xF0\x9F\x98\x80\""), "caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(stringValue("\"tab\there\""), "tab\there");
  // The October 2021 spec allows any Unicode scalar value but line terminators.
  EXPECT_EQ(stringValue(std::string_view("\"nul\0\"", 6)), std::string_view("nul\0", 4));
}

TEST(LexerTest, InvalidStrings) {
  EXPECT_EQ(lexError("\""), "Unterminated string.");
  EXPECT_EQ(lexError("\"no end quote"), "Unterminated string.");
  EXPECT_EQ(lexError("\"multi\nline\""), "Unterminated string.");
  EXPECT_EQ(lexError("\"multi\rline\""), "Unterminated string.");
  EXPECT_EQ(lexError("\"escaped end\\\""), "Unterminated string.");
  EXPECT_EQ(lexError("'single quotes'"),
            "Unexpected single quote character ('), did you mean to use a double quote (\")?");
  EXPECT_EQ(lexError(R"("bad \z esc")"), "Invalid character escape sequence: \"\\z\".");
  EXPECT_EQ(lexError(R"("bad \x esc")"), "Invalid character escape sequence: \"\\x\".");
  EXPECT_EQ(lexError("\"bad \\\xC3\xA9\""),
            "Invalid character escape sequence: \"\\\" followed by U+00E9.");
  EXPECT_EQ(lexError(R"("bad \u1 esc")"), "Invalid Unicode escape sequence: \"\\u1 \".");
  EXPECT_EQ(lexError(R"("bad \u0XX1 esc")"), "Invalid Unicode escape sequence: \"\\u0X\".");
  EXPECT_EQ(lexError(R"("bad \uXXXX esc")"), "Invalid Unicode escape sequence: \"\\uX\".");
  EXPECT_EQ(lexError(R"("bad \uFXXX esc")"), "Invalid Unicode escape sequence: \"\\uFX\".");
  EXPECT_EQ(lexError(R"("bad \u{} esc")"), "Invalid Unicode escape sequence: \"\\u{}\".");
  EXPECT_EQ(lexError(R"("bad \u{FXXX} esc")"), "Invalid Unicode escape sequence: \"\\u{FX\".");
  EXPECT_EQ(lexError(R"("bad \u{110000} esc")"),
            "Invalid Unicode escape sequence: \"\\u{110000}\".");
  EXPECT_EQ(lexError(R"("bad \u{12345 esc")"), "Invalid Unicode escape sequence: \"\\u{12345 \".");
  // Lone and mismatched surrogates.
  EXPECT_EQ(lexError(R"("bad \uD800 esc")"), "Invalid Unicode escape sequence: \"\\uD800\".");
  EXPECT_EQ(lexError(R"("bad \uDBFF esc")"), "Invalid Unicode escape sequence: \"\\uDBFF\".");
  EXPECT_EQ(lexError(R"("bad \uDC00 esc")"), "Invalid Unicode escape sequence: \"\\uDC00\".");
  EXPECT_EQ(lexError(R"("bad \uDFFF esc")"), "Invalid Unicode escape sequence: \"\\uDFFF\".");
  EXPECT_EQ(lexError(R"("bad \uD83D\u0041")"), "Invalid Unicode escape sequence: \"\\uD83D\".");
  EXPECT_EQ(lexError(R"("bad \uD83D\uD83D")"), "Invalid Unicode escape sequence: \"\\uD83D\".");
  EXPECT_EQ(lexError(R"("bad \uDE00\uD83D")"), "Invalid Unicode escape sequence: \"\\uDE00\".");
  EXPECT_EQ(lexError(R"("bad \uD83D")"), "Invalid Unicode escape sequence: \"\\uD83D\".");
  EXPECT_EQ(lexError(R"("bad \u{D800}")"), "Invalid Unicode escape sequence: \"\\u{D800}\".");
  EXPECT_EQ(lexError(R"("bad \u{DE00}")"), "Invalid Unicode escape sequence: \"\\u{DE00}\".");
  // Braced escapes are never paired.
  EXPECT_EQ(lexError(R"("\u{D83D}\u{DE00}")"), "Invalid Unicode escape sequence: \"\\u{D83D}\".");
  EXPECT_EQ(lexError(R"("\uD83D\u{DE00}")"), "Invalid Unicode escape sequence: \"\\uD83D\".");
}

TEST(LexerTest, InvalidUtf8IsRejected) {
  EXPECT_EQ(lexError("\"\xFF\""), "Invalid character within String: invalid UTF-8 byte 0xFF.");
  EXPECT_EQ(lexError("\"\xC0\xAF\""),  // overlong '/'
            "Invalid character within String: invalid UTF-8 byte 0xC0.");
  EXPECT_EQ(lexError("\"\xED\xA0\x80\""),  // an encoded surrogate
            "Invalid character within String: invalid UTF-8 byte 0xED.");
  EXPECT_EQ(lexError("\"\xF4\x90\x80\x80\""),  // above U+10FFFF
            "Invalid character within String: invalid UTF-8 byte 0xF4.");
  EXPECT_EQ(lexError("\"\xE2\x82\""), "Invalid character within String: invalid UTF-8 byte 0xE2.");
  EXPECT_EQ(lexError("\"\"\"\xFF\"\"\""),
            "Invalid character within String: invalid UTF-8 byte 0xFF.");
  EXPECT_EQ(lexError("# \xFF\n"), "Invalid character within comment: invalid UTF-8 byte 0xFF.");
  EXPECT_EQ(lexError("\xFF"), "Unexpected character: invalid UTF-8 byte 0xFF.");
}

TEST(LexerTest, BlockStrings) {
  EXPECT_EQ(stringValue(R"("""""")"), "");
  EXPECT_EQ(stringValue(R"("""simple""")"), "simple");
  EXPECT_EQ(stringValue(R"(""" white space """)"), " white space ");
  EXPECT_EQ(stringValue(R"("""contains " quote""")"), "contains \" quote");
  EXPECT_EQ(stringValue(R"("""contains \""" triple quote""")"), "contains \"\"\" triple quote");
  EXPECT_EQ(stringValue("\"\"\"multi\nline\"\"\""), "multi\nline");
  EXPECT_EQ(stringValue("\"\"\"multi\rline\r\nnormalized\"\"\""), "multi\nline\nnormalized");
  EXPECT_EQ(stringValue(R"("""unescaped \n\r\b\t\f\u1234""")"), "unescaped \\n\\r\\b\\t\\f\\u1234");
  EXPECT_EQ(stringValue(R"("""unescaped unicode outside BMP 😀""")"),
            "unescaped unicode outside BMP \xF0\x9F\x98\x80");
  EXPECT_EQ(stringValue(R"("""slashes \\ \/""")"), "slashes \\\\ \\/");
  EXPECT_EQ(stringValue(
                "\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\""),
            "spans\n  multiple\n    lines");
  EXPECT_EQ(stringValue(R"("""\"""""")"), "\"\"\"");
  // In a block string `\"""` is an escape even after another backslash: `\\` is not one.
  EXPECT_EQ(lexError(R"("""\\""")"), "Unterminated string.");
  EXPECT_EQ(stringValue(R"("""\\ """)"), "\\\\ ");
  EXPECT_EQ(lexError("\"\"\"unterminated"), "Unterminated string.");
  EXPECT_EQ(lexError("\"\"\"unterminated \\\"\"\""), "Unterminated string.");
}

TEST(LexerTest, TheSpecsBlockStringExample) {
  std::string source =
      "mutation {\n"
      "  sendEmail(message: \"\"\"\n"
      "    Hello,\n"
      "      World!\n"
      "\n"
      "    Yours,\n"
      "      GraphQL.\n"
      "  \"\"\")\n"
      "}\n";
  Arena arena;
  Lexed lexed = lexAll(source, arena);
  ASSERT_TRUE(lexed.ok);
  ASSERT_EQ(lexed.tokens[6].kind, TokenKind::kBlockString);
  EXPECT_EQ(lexed.tokens[6].value, "Hello,\n  World!\n\nYours,\n  GraphQL.");
  // Tokens after a multi-line block string are on the right line.
  EXPECT_EQ(lexed.tokens[7].kind, TokenKind::kParenR);
  EXPECT_EQ(lexed.tokens[7].line, 8u);
  EXPECT_EQ(lexed.tokens[7].column, 6u);
}

TEST(LexerTest, IgnoredTokens) {
  Arena arena;
  std::string source = "\xEF\xBB\xBF# comment \xF0\x9F\x98\x80\n,,, a\t,b # c\r\n\xEF\xBB\xBF c\rd";
  Lexed lexed = lexAll(source, arena);
  ASSERT_TRUE(lexed.ok) << lexed.error.message;
  ASSERT_EQ(lexed.tokens.size(), 4u);
  EXPECT_EQ(lexed.tokens[0].value, "a");
  EXPECT_EQ(lexed.tokens[0].line, 2u);
  EXPECT_EQ(lexed.tokens[0].column, 5u);
  EXPECT_EQ(lexed.tokens[1].value, "b");
  EXPECT_EQ(lexed.tokens[1].column, 8u);
  // A BOM between tokens is ignored too and counts as one column.
  EXPECT_EQ(lexed.tokens[2].value, "c");
  EXPECT_EQ(lexed.tokens[2].line, 3u);
  EXPECT_EQ(lexed.tokens[2].column, 3u);
  EXPECT_EQ(lexed.tokens[3].value, "d");
  EXPECT_EQ(lexed.tokens[3].line, 4u);
  EXPECT_EQ(lexed.tokens[3].column, 1u);
}

TEST(LexerTest, ColumnsCountCodePoints) {
  Arena arena;
  Lexed lexed = lexAll("\"\xC3\xA9\xF0\x9F\x98\x80\" x", arena);
  ASSERT_TRUE(lexed.ok);
  EXPECT_EQ(lexed.tokens[1].column, 6u);
  lexed = lexAll("a \"\xC3\xA9\xC3\xA9\" \"\"\"\xC3\xA9\"\"\" b", arena);
  ASSERT_TRUE(lexed.ok);
  EXPECT_EQ(lexed.tokens[1].column, 3u);
  EXPECT_EQ(lexed.tokens[2].column, 8u);
  EXPECT_EQ(lexed.tokens[3].column, 16u);
  Lexed bad = lexAll("{ \"\xC3\xA9\" ? }", arena);
  ASSERT_FALSE(bad.ok);
  EXPECT_EQ(bad.error.column, 7u);
}

TEST(LexerTest, ErrorPositions) {
  Arena arena;
  Lexed lexed = lexAll("\n\n     ?\n", arena);
  ASSERT_FALSE(lexed.ok);
  EXPECT_EQ(lexed.error.message, "Unexpected character: \"?\".");
  EXPECT_EQ(lexed.error.line, 3u);
  EXPECT_EQ(lexed.error.column, 6u);

  lexed = lexAll("a \"bad \\q\"", arena);
  EXPECT_EQ(lexed.error.line, 1u);
  EXPECT_EQ(lexed.error.column, 8u);

  lexed = lexAll("a\n  \"unterminated", arena);
  EXPECT_EQ(lexed.error.message, "Unterminated string.");
  EXPECT_EQ(lexed.error.line, 2u);
  EXPECT_EQ(lexed.error.column, 16u);
}

TEST(LexerTest, UnexpectedCharacters) {
  EXPECT_EQ(lexError(".."), "Unexpected character: \".\".");
  EXPECT_EQ(lexError("?"), "Unexpected character: \"?\".");
  EXPECT_EQ(lexError("\xC3\xA9"), "Unexpected character: U+00E9.");
  EXPECT_EQ(lexError("\xE2\x80\xA8"), "Unexpected character: U+2028.");
  EXPECT_EQ(lexError(std::string_view("\0", 1)), "Unexpected character: U+0000.");
  EXPECT_EQ(lexError("\x07"), "Unexpected character: U+0007.");
  EXPECT_EQ(lexError("\"a\" \""), "Unterminated string.");
}

TEST(LexerTest, EofRepeatsAndErrorsStick) {
  Arena arena;
  Lexer lexer("a", arena);
  EXPECT_EQ(lexer.next().kind, TokenKind::kName);
  EXPECT_EQ(lexer.next().kind, TokenKind::kEof);
  EXPECT_EQ(lexer.next().kind, TokenKind::kEof);
  Lexer bad("? a", arena);
  EXPECT_EQ(bad.next().kind, TokenKind::kError);
  EXPECT_EQ(bad.next().kind, TokenKind::kError);
}

}  // namespace
}  // namespace graft::graphql
