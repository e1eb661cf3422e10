// Lexer: turns a GraphQL document (UTF-8, October 2021 lexical grammar) into tokens, one at a
// time, skipping ignored tokens (whitespace, line terminators, commas, comments, BOMs) and
// tracking line and column. Strings are unescaped; the result is a view into the source when
// nothing had to change, else a copy in the arena. One lexer per document; not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graphql/arena.h"
#include "graphql/syntax_error.h"

namespace graft::graphql {

enum class TokenKind : uint8_t {
  kEof,
  kBang,
  kDollar,
  kAmp,
  kParenL,
  kParenR,
  kSpread,
  kColon,
  kEquals,
  kAt,
  kBracketL,
  kBracketR,
  kBraceL,
  kPipe,
  kBraceR,
  kName,
  kInt,
  kFloat,
  kString,
  kBlockString,
  kError,  // Lexer::error() says why
};

// "Name", "Int", ... for value tokens; the punctuator itself (e.g. "{") otherwise.
std::string_view tokenKindName(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::kEof;
  uint32_t line = 0;
  uint32_t column = 0;
  // Names, numbers and punctuators: the source text. Strings: the unescaped value (block
  // strings also dedented per the spec's BlockStringValue()).
  std::string_view value;
};

class Lexer {
 public:
  // REQUIRES: source.size() < 4 GiB; source and arena outlive every token handed out.
  Lexer(std::string_view source, Arena& arena);

  // The next token; kEof at the end (and again on every later call). On kError the lexer
  // stops: error() holds the reason and position.
  Token next();

  const SyntaxError& error() const { return error_; }

 private:
  // Returns false (with error_ set) on an invalid character inside a comment.
  bool skipIgnored();
  // Kept out of line so that skipIgnored, called before every token, stays small.
  [[gnu::noinline]] bool skipComment();
  Token lexNumber(size_t start);
  Token lexName(size_t start);
  Token lexString(size_t start);
  Token lexBlockString(size_t start);
  // Reads one escape sequence at pos_ (which is at the backslash) into scratch_.
  bool lexEscape();
  bool readHex4(size_t at, uint32_t& value) const;
  // Validates the UTF-8 sequence at pos_ and steps over it; false if it is not a Unicode
  // scalar value (malformed, overlong, surrogate, beyond U+10FFFF).
  bool stepUtf8();
  void newLine(size_t next_line_start);

  // REQUIRES: no multi-byte character between `start` and pos_ (so, called before scanning
  // a token's content), since columns are derived from line_extra_bytes_.
  Token make(TokenKind kind, size_t start, std::string_view value) const;
  Token fail(size_t at, std::string message);
  uint32_t columnAt(size_t offset) const;
  // graphql-js style: `"x"` for printable ASCII, `U+XXXX` otherwise, `<EOF>` at the end.
  std::string describeCharAt(size_t offset) const;

  std::string_view src_;
  Arena& arena_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
  // Bytes beyond the first of every multi-byte character seen on the current line, so that
  // columns count code points without rescanning the line.
  size_t line_extra_bytes_ = 0;
  std::string scratch_;  // unescaped string being built; reused across tokens
  SyntaxError error_;
  bool failed_ = false;
};

}  // namespace graft::graphql
