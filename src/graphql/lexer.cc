#include "graphql/lexer.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "graphql/block_string.h"
#include "graphql/concat.h"
#include "graphql/utf8.h"

namespace graft::graphql {
namespace {

constexpr bool isNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Names are most of a document's bytes; a table keeps their inner loop to one load per byte.
constexpr std::array<bool, 256> kNameContinue = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = isNameStart(static_cast<char>(c)) || isDigit(static_cast<char>(c));
  return table;
}();
bool isNameContinue(char c) { return kNameContinue[static_cast<unsigned char>(c)]; }

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool isLeadingSurrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool isTrailingSurrogate(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// The UTF-8 byte order mark, an ignored token anywhere between tokens.
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Error messages quote at most this much of a token or escape sequence.
constexpr size_t kMaxQuoted = 40;

}  // namespace

std::string_view tokenKindName(TokenKind kind) {
  static constexpr std::array<std::string_view, 21> kNames = {
      "<EOF>", "!", "$", "&", "(",    ")",   "...",   ":",      "=",           "@",      "[",
      "]",     "{", "|", "}", "Name", "Int", "Float", "String", "BlockString", "<ERROR>"};
  static_assert(kNames.size() == static_cast<size_t>(TokenKind::kError) + 1);
  return kNames[static_cast<size_t>(kind)];
}

Lexer::Lexer(std::string_view source, Arena& arena) : src_(source), arena_(arena) {}

Token Lexer::make(TokenKind kind, size_t start, std::string_view value) const {
  return Token{kind, line_, columnAt(start), value};
}

uint32_t Lexer::columnAt(size_t offset) const {
  return static_cast<uint32_t>(offset - line_start_ - line_extra_bytes_ + 1);
}

Token Lexer::fail(size_t at, std::string message) {
  error_ = SyntaxError{SyntaxError::Kind::kSyntax, line_, columnAt(at), std::move(message)};
  failed_ = true;
  pos_ = src_.size();
  return Token{TokenKind::kError, error_.line, error_.column, {}};
}

std::string Lexer::describeCharAt(size_t offset) const {
  if (offset >= src_.size()) return "<EOF>";
  auto c = static_cast<unsigned char>(src_[offset]);
  if (c == '"') return "'\"'";
  if (c >= 0x20 && c < 0x7F) return {'"', static_cast<char>(c), '"'};
  uint32_t code_point = c;
  if (c >= 0x80 && utf8::decode(src_.substr(offset), code_point) == 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return std::string("invalid UTF-8 byte ") + buf;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", code_point);
  return buf;
}

void Lexer::newLine(size_t next_line_start) {
  ++line_;
  line_start_ = next_line_start;
  line_extra_bytes_ = 0;
}

bool Lexer::stepUtf8() {
  uint32_t code_point = 0;
  size_t length = utf8::decode(src_.substr(pos_), code_point);
  if (length == 0) return false;
  pos_ += length;
  line_extra_bytes_ += length - 1;
  return true;
}

bool Lexer::skipComment() {
  ++pos_;  // #
  while (pos_ < src_.size() && src_[pos_] != '\n' && src_[pos_] != '\r') {
    if (static_cast<unsigned char>(src_[pos_]) < 0x80) {
      ++pos_;
    } else if (!stepUtf8()) {
      fail(pos_, concat({"Invalid character within comment: ", describeCharAt(pos_), "."}));
      return false;
    }
  }
  return true;
}

bool Lexer::skipIgnored() {
  // The common case, blanks and line breaks, runs on a local pointer.
  const char* const begin = src_.data();
  const char* const end = begin + src_.size();
  for (;;) {
    const char* p = begin + pos_;
    while (p != end && (*p == ' ' || *p == '\t' || *p == ',')) ++p;
    pos_ = static_cast<size_t>(p - begin);
    if (p == end) return true;
    char c = *p;
    if (c == '\n') {
      newLine(++pos_);
    } else if (c == '\r') {
      ++pos_;
      if (pos_ < src_.size() && src_[pos_] == '\n') ++pos_;
      newLine(pos_);
    } else if (c == '#') {
      if (!skipComment()) return false;
    } else if (c == kBom[0] && src_.substr(pos_, 3) == kBom) {
      pos_ += 3;
      line_extra_bytes_ += 2;
    } else {
      return true;
    }
  }
}

Token Lexer::next() {
  if (failed_ || !skipIgnored()) return Token{TokenKind::kError, error_.line, error_.column, {}};
  if (pos_ >= src_.size()) return make(TokenKind::kEof, src_.size(), {});
  size_t start = pos_;
  auto punctuator = [&](TokenKind kind) {
    ++pos_;
    return make(kind, start, src_.substr(start, 1));
  };
  char c = src_[pos_];
  switch (c) {
    case '!':
      return punctuator(TokenKind::kBang);
    case '$':
      return punctuator(TokenKind::kDollar);
    case '&':
      return punctuator(TokenKind::kAmp);
    case '(':
      return punctuator(TokenKind::kParenL);
    case ')':
      return punctuator(TokenKind::kParenR);
    case ':':
      return punctuator(TokenKind::kColon);
    case '=':
      return punctuator(TokenKind::kEquals);
    case '@':
      return punctuator(TokenKind::kAt);
    case '[':
      return punctuator(TokenKind::kBracketL);
    case ']':
      return punctuator(TokenKind::kBracketR);
    case '{':
      return punctuator(TokenKind::kBraceL);
    case '|':
      return punctuator(TokenKind::kPipe);
    case '}':
      return punctuator(TokenKind::kBraceR);
    case '.':
      if (src_.substr(pos_, 3) == "...") {
        pos_ += 3;
        return make(TokenKind::kSpread, start, src_.substr(start, 3));
      }
      return fail(start, "Unexpected character: \".\".");
    case '"':
      if (src_.substr(pos_, 3) == "\"\"\"") return lexBlockString(start);
      return lexString(start);
    case '\'':
      return fail(start,
                  "Unexpected single quote character ('), did you mean to use a double quote "
                  "(\")?");
    default:
      break;
  }
  if (c == '-' || isDigit(c)) return lexNumber(start);
  if (isNameStart(c)) return lexName(start);
  return fail(start, concat({"Unexpected character: ", describeCharAt(start), "."}));
}

Token Lexer::lexName(size_t start) {
  const char* const end = src_.data() + src_.size();
  const char* p = src_.data() + start + 1;
  while (p != end && isNameContinue(*p)) ++p;
  pos_ = static_cast<size_t>(p - src_.data());
  return make(TokenKind::kName, start, src_.substr(start, pos_ - start));
}

Token Lexer::lexNumber(size_t start) {
  auto peek = [&]() { return pos_ < src_.size() ? src_[pos_] : '\0'; };
  auto digits = [&]() -> bool {
    if (!isDigit(peek())) return false;
    while (isDigit(peek())) ++pos_;
    return true;
  };
  auto expectedDigit = [&]() {
    return fail(pos_,
                concat({"Invalid number, expected digit but got: ", describeCharAt(pos_), "."}));
  };
  if (peek() == '-') ++pos_;
  if (peek() == '0') {
    ++pos_;
    if (isDigit(peek())) {
      return fail(
          pos_, concat({"Invalid number, unexpected digit after 0: ", describeCharAt(pos_), "."}));
    }
  } else if (!digits()) {
    return expectedDigit();
  }
  bool is_float = false;
  if (peek() == '.') {
    is_float = true;
    ++pos_;
    if (!digits()) return expectedDigit();
  }
  if (peek() == 'e' || peek() == 'E') {
    is_float = true;
    ++pos_;
    if (peek() == '+' || peek() == '-') ++pos_;
    if (!digits()) return expectedDigit();
  }
  // The spec's lookahead: a number may not run into a name or a dot (`123abc`, `0x1`, `1.2.3`).
  if (peek() == '.' || isNameStart(peek())) return expectedDigit();
  return make(is_float ? TokenKind::kFloat : TokenKind::kInt, start,
              src_.substr(start, pos_ - start));
}

Token Lexer::lexString(size_t start) {
  // Positioned before the content moves line_extra_bytes_ on.
  Token token = make(TokenKind::kString, start, {});
  ++pos_;  // the opening quote
  size_t chunk_start = pos_;
  bool escaped = false;
  while (pos_ < src_.size()) {
    char c = src_[pos_];
    if (c == '"') {
      if (!escaped) {
        token.value = src_.substr(chunk_start, pos_ - chunk_start);
      } else {
        scratch_.append(src_, chunk_start, pos_ - chunk_start);
        token.value = arena_.copyString(scratch_);
      }
      ++pos_;
      return token;
    }
    if (c == '\n' || c == '\r') break;
    if (c == '\\') {
      if (!escaped) scratch_.clear();
      escaped = true;
      scratch_.append(src_, chunk_start, pos_ - chunk_start);
      if (!lexEscape()) return Token{TokenKind::kError, error_.line, error_.column, {}};
      chunk_start = pos_;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      ++pos_;
    } else if (!stepUtf8()) {
      return fail(pos_, concat({"Invalid character within String: ", describeCharAt(pos_), "."}));
    }
  }
  return fail(pos_, "Unterminated string.");
}

bool Lexer::readHex4(size_t at, uint32_t& value) const {
  if (at + 4 > src_.size()) return false;
  value = 0;
  for (size_t i = at; i < at + 4; ++i) {
    int digit = hexValue(src_[i]);
    if (digit < 0) return false;
    value = value << 4 | static_cast<uint32_t>(digit);
  }
  return true;
}

bool Lexer::lexEscape() {
  size_t start = pos_;
  // Quotes the sequence up to `end`, which is ASCII but for possibly its last character.
  auto invalid = [&](std::string_view what, size_t end) {
    end = std::min({end, src_.size(), start + kMaxQuoted});
    std::string text(src_.substr(start, end - start));
    std::string after;
    if (!text.empty() && (static_cast<unsigned char>(text.back()) >= 0x80 || text.back() < 0x20)) {
      after = concat({" followed by ", describeCharAt(end - 1)});
      text.pop_back();
    }
    fail(start, concat({what, " \"", text, "\"", after, "."}));
    return false;
  };
  if (pos_ + 1 >= src_.size()) return invalid("Invalid character escape sequence:", start + 1);
  char c = src_[pos_ + 1];
  char simple = 0;
  switch (c) {
    case '"':
      simple = '"';
      break;
    case '\\':
      simple = '\\';
      break;
    case '/':
      simple = '/';
      break;
    case 'b':
      simple = '\b';
      break;
    case 'f':
      simple = '\f';
      break;
    case 'n':
      simple = '\n';
      break;
    case 'r':
      simple = '\r';
      break;
    case 't':
      simple = '\t';
      break;
    case 'u':
      break;
    default:
      return invalid("Invalid character escape sequence:", start + 2);
  }
  if (simple != 0) {
    scratch_ += simple;
    pos_ += 2;
    return true;
  }

  uint32_t code_point = 0;
  size_t length = 0;
  if (pos_ + 2 < src_.size() && src_[pos_ + 2] == '{') {
    // \u{1F600}: any number of hex digits, value at most U+10FFFF, never a surrogate.
    size_t at = pos_ + 3;
    bool any = false;
    while (at < src_.size() && hexValue(src_[at]) >= 0 && code_point <= 0x10FFFF) {
      code_point = code_point << 4 | static_cast<uint32_t>(hexValue(src_[at]));
      any = true;
      ++at;
    }
    if (!any || at >= src_.size() || src_[at] != '}' || code_point > 0x10FFFF ||
        isLeadingSurrogate(code_point) || isTrailingSurrogate(code_point)) {
      return invalid("Invalid Unicode escape sequence:", at + 1);
    }
    length = at + 1 - start;
  } else {
    if (!readHex4(pos_ + 2, code_point)) {
      size_t end = pos_ + 2;
      while (end < src_.size() && end < pos_ + 6 && hexValue(src_[end]) >= 0) ++end;
      return invalid("Invalid Unicode escape sequence:", end + 1);
    }
    length = 6;
    if (isLeadingSurrogate(code_point)) {
      // A surrogate pair written as two fixed-width escapes is one code point.
      uint32_t trailing = 0;
      if (pos_ + 7 < src_.size() && src_[pos_ + 6] == '\\' && src_[pos_ + 7] == 'u' &&
          readHex4(pos_ + 8, trailing) && isTrailingSurrogate(trailing)) {
        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (trailing - 0xDC00);
        length = 12;
      } else {
        return invalid("Invalid Unicode escape sequence:", start + 6);
      }
    } else if (isTrailingSurrogate(code_point)) {
      return invalid("Invalid Unicode escape sequence:", start + 6);
    }
  }
  utf8::append(code_point, scratch_);
  pos_ += length;
  return true;
}

Token Lexer::lexBlockString(size_t start) {
  Token token = make(TokenKind::kBlockString, start, {});
  pos_ += 3;
  size_t raw_start = pos_;
  while (pos_ < src_.size()) {
    char c = src_[pos_];
    if (c == '"' && src_.substr(pos_, 3) == "\"\"\"") {
      std::string_view raw = src_.substr(raw_start, pos_ - raw_start);
      std::string_view value = blockStringValue(raw, scratch_);
      token.value = value.data() == scratch_.data() ? arena_.copyString(value) : value;
      pos_ += 3;
      return token;
    }
    if (c == '\\' && src_.substr(pos_, 4) == "\\\"\"\"") {
      pos_ += 4;
    } else if (c == '\n') {
      newLine(++pos_);
    } else if (c == '\r') {
      ++pos_;
      if (pos_ < src_.size() && src_[pos_] == '\n') ++pos_;
      newLine(pos_);
    } else if (static_cast<unsigned char>(c) < 0x80) {
      ++pos_;
    } else if (!stepUtf8()) {
      return fail(pos_, concat({"Invalid character within String: ", describeCharAt(pos_), "."}));
    }
  }
  return fail(pos_, "Unterminated string.");
}

}  // namespace graft::graphql
