#include "planner/json_path.h"

namespace graft::planner {
namespace {

// Attoparsec's `letter` is Unicode; every byte of a multi-byte UTF-8 sequence counts as part
// of a letter here.
bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  std::optional<std::vector<std::string>> steps() {
    std::vector<std::string> steps;
    skip('$');
    while (pos_ < text_.size()) {
      std::optional<std::string> step = name();
      if (!step) step = bracket();
      if (!step) return std::nullopt;
      steps.push_back(std::move(*step));
    }
    return steps;
  }

 private:
  bool skip(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // [.]name; leaves the position unchanged when there is none.
  std::optional<std::string> name() {
    size_t start = pos_;
    skip('.');
    if (pos_ >= text_.size() || !(isLetter(text_[pos_]) || text_[pos_] == '_')) {
      pos_ = start;
      return std::nullopt;
    }
    size_t begin = pos_;
    while (pos_ < text_.size() && (isLetter(text_[pos_]) || isDigit(text_[pos_]) ||
                                   text_[pos_] == '_' || text_[pos_] == '-'))
      ++pos_;
    return std::string(text_.substr(begin, pos_ - begin));
  }

  // [.][digits], [.]['key'] or [.]["key"].
  std::optional<std::string> bracket() {
    skip('.');
    if (!skip('[')) return std::nullopt;
    std::string step;
    if (pos_ < text_.size() && isDigit(text_[pos_])) {
      while (pos_ < text_.size() && isDigit(text_[pos_])) step += text_[pos_++];
      // Hasura prints the index it read: "007" is 7.
      step.erase(0, std::min(step.find_first_not_of('0'), step.size() - 1));
    } else if (pos_ < text_.size() && (text_[pos_] == '\'' || text_[pos_] == '"')) {
      char quote = text_[pos_++];
      while (true) {
        if (pos_ >= text_.size()) return std::nullopt;
        char c = text_[pos_++];
        if (c == quote) break;
        if (c == '\\') {
          if (pos_ >= text_.size()) return std::nullopt;
          c = text_[pos_++];
        }
        step += c;
      }
    } else {
      return std::nullopt;
    }
    if (!skip(']')) return std::nullopt;
    return step;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<std::vector<std::string>> parseJsonPath(std::string_view path) {
  return Reader(path).steps();
}

std::string jsonPathError(std::string_view path) {
  return "parse json path error: " + std::string(path) +
         ". Accept letters, digits, underscore (_) or hyphen (-) only. Use quotes enclosed in "
         "bracket ([\"...\"]) if there is any special character";
}

}  // namespace graft::planner
