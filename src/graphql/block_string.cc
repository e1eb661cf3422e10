#include "graphql/block_string.h"

#include <algorithm>
#include <cstddef>

#include "graphql/arena.h"
#include "graphql/lexer.h"

namespace graft::graphql {
namespace {

constexpr size_t kNone = std::string_view::npos;
// graphql-js prints longer single-line values with the quotes on lines of their own.
constexpr size_t kMaxSingleLineLength = 70;

bool isWhiteSpace(char c) { return c == ' ' || c == '\t'; }

// One line of `raw` starting at `start`: [start, end), and where the next line starts (or
// kNone after the last line). Terminators are \n, \r\n and \r.
struct Line {
  size_t start;
  size_t end;
  size_t next;
};

Line lineAt(std::string_view raw, size_t start) {
  size_t end = start;
  while (end < raw.size() && raw[end] != '\n' && raw[end] != '\r') ++end;
  if (end == raw.size()) return {start, end, kNone};
  size_t next = end + 1;
  if (raw[end] == '\r' && next < raw.size() && raw[next] == '\n') ++next;
  return {start, end, next};
}

size_t leadingWhiteSpace(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && isWhiteSpace(line[n])) ++n;
  return n;
}

// Appends `text` with every \""" turned into """.
void appendUnescaped(std::string_view text, std::string& out) {
  size_t from = 0;
  for (size_t at = text.find("\\\"\"\""); at != kNone; at = text.find("\\\"\"\"", from)) {
    out.append(text, from, at - from);
    out += "\"\"\"";
    from = at + 4;
  }
  out.append(text, from);
}

}  // namespace

std::string_view blockStringValue(std::string_view raw, std::string& scratch) {
  // Pass 1: the common indentation of the non-first lines that are not blank, and the first
  // and last lines that are not blank.
  size_t common_indent = kNone;
  size_t first_start = kNone;  // offset of the first non-blank line
  size_t first_index = 0;
  size_t last_end = 0;
  size_t last_index = 0;
  size_t index = 0;
  for (size_t start = 0; start != kNone; ++index) {
    Line line = lineAt(raw, start);
    std::string_view text = raw.substr(line.start, line.end - line.start);
    size_t indent = leadingWhiteSpace(text);
    if (indent < text.size()) {
      if (index > 0) common_indent = std::min(common_indent, indent);
      if (first_start == kNone) {
        first_start = line.start;
        first_index = index;
      }
      last_end = line.end;
      last_index = index;
    }
    start = line.next;
  }
  if (first_start == kNone) return {};

  std::string_view kept = raw.substr(first_start, last_end - first_start);
  bool nothing_removed = first_index == last_index || common_indent == 0;
  if (nothing_removed && kept.find('\r') == kNone && kept.find("\\\"\"\"") == kNone) return kept;

  // Pass 2: the kept lines, dedented, joined with \n.
  scratch.clear();
  scratch.reserve(kept.size());
  index = first_index;
  for (size_t start = first_start; index <= last_index; ++index) {
    Line line = lineAt(raw, start);
    std::string_view text = raw.substr(line.start, line.end - line.start);
    if (index > 0 && common_indent != kNone) {
      text.remove_prefix(std::min(common_indent, text.size()));
    }
    if (index > first_index) scratch += '\n';
    appendUnescaped(text, scratch);
    start = line.next;
  }
  return scratch;
}

bool appendBlockString(std::string_view value, std::string_view indent, std::string& out) {
  std::string escaped;
  escaped.reserve(value.size() + 8);
  size_t from = 0;
  for (size_t at = value.find("\"\"\""); at != kNone; at = value.find("\"\"\"", from)) {
    escaped.append(value, from, at - from);
    escaped += "\\\"\"\"";
    from = at + 3;
  }
  escaped.append(value, from);

  // A trailing quote or backslash would merge with the closing quotes; leading whitespace on
  // a lone line would read as indentation once the line moves below the opening quotes.
  bool one_line = value.find_first_of("\r\n") == kNone && value.size() <= kMaxSingleLineLength &&
                  !value.ends_with('"') && !value.ends_with('\\');
  std::string candidate = "\"\"\"";
  if (one_line) {
    candidate += escaped;
  } else {
    candidate += '\n';
    for (size_t start = 0; start != kNone;) {
      Line line = lineAt(escaped, start);
      if (line.end > line.start) {
        candidate += indent;
        candidate.append(escaped, line.start, line.end - line.start);
      }
      candidate += '\n';
      start = line.next;
    }
    candidate += indent;
  }
  candidate += "\"\"\"";

  // The proof that this is the same value is to read it back the way the parser will.
  Arena arena;
  Lexer lexer(candidate, arena);
  Token token = lexer.next();
  if (token.kind != TokenKind::kBlockString || token.value != value) return false;
  if (lexer.next().kind != TokenKind::kEof) return false;
  out += candidate;
  return true;
}

}  // namespace graft::graphql
