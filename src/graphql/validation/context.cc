#include "graphql/validation/context.h"

#include "graphql/concat.h"

namespace graft::graphql::validation {

Context::Context(const Schema& schema, const ast::Document& document, size_t max_errors)
    : schema_(schema), index_(document), max_errors_(max_errors) {}

void Context::reportAt(std::string path, std::string message) {
  if (done()) return;
  errors_.push_back(Error::validationFailed(std::move(message)).withPath(std::move(path)));
}

void Context::reportError(Error error) {
  if (!done()) errors_.push_back(std::move(error));
}

std::string quoteType(std::string_view name) { return concat({"'", name, "'"}); }

std::string quoteName(std::string_view name) { return concat({"\"", name, "\""}); }

}  // namespace graft::graphql::validation
