#include "graphql/syntax_error.h"

#include "graphql/concat.h"

namespace graft::graphql {

std::string SyntaxError::describe() const {
  std::string_view prefix = kind == Kind::kSyntax ? "Syntax Error: " : "";
  if (line == 0) return concat({prefix, message});
  return concat(
      {prefix, message, " (line ", std::to_string(line), ", column ", std::to_string(column), ")"});
}

Error SyntaxError::toError() const { return Error::parseFailed(describe()); }

}  // namespace graft::graphql
