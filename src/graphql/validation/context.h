// What every validation rule shares during one validate() call: the schema, the document's
// index (document_index.h), the JSON path of the node being checked and the errors found so
// far. validate() owns it on its stack; one thread.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "graphql/ast.h"
#include "graphql/schema.h"
#include "graphql/validation/document_index.h"

namespace graft::graphql::validation {

class Context {
 public:
  // max_errors 0: no limit.
  Context(const Schema& schema, const ast::Document& document, size_t max_errors);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const Schema& schema() const { return schema_; }
  const DocumentIndex& index() const { return index_; }

  // Hasura's JSON path of the node being checked, e.g. `$.selectionSet.author.args.where`. The
  // typed walk keeps it current with PathSegment; document-level rules leave it at "$".
  std::string& path() { return path_; }

  // Errors beyond max_errors are dropped: Hasura reports only the first.
  void report(std::string message) { reportAt(path_, std::move(message)); }
  void reportAt(std::string path, std::string message);
  // An error of another code, from a check the schema's owner supplies.
  void reportError(Error error);
  // True once max_errors errors are in: the rules stop early.
  bool done() const { return max_errors_ != 0 && errors_.size() >= max_errors_; }

  // ValidationOptions::strict_variable_nullability.
  bool strictVariableNullability() const { return strict_variable_nullability_; }
  void setStrictVariableNullability(bool strict) { strict_variable_nullability_ = strict; }
  std::vector<Error> takeErrors() { return std::move(errors_); }

 private:
  const Schema& schema_;
  DocumentIndex index_;
  size_t max_errors_;
  bool strict_variable_nullability_ = true;
  std::string path_ = "$";
  std::vector<Error> errors_;
};

// Appends segments such as `.args` or `[3]` to a path for the lifetime of the object.
class [[nodiscard]] PathSegment {
 public:
  PathSegment(std::string& path, std::initializer_list<std::string_view> parts)
      : path_(path), size_(path.size()) {
    for (std::string_view part : parts) path_.append(part);
  }
  ~PathSegment() { path_.resize(size_); }
  PathSegment(const PathSegment&) = delete;
  PathSegment& operator=(const PathSegment&) = delete;

 private:
  std::string& path_;
  size_t size_;
};

// `'Dog'`, `"limit"`: the quoting Hasura uses for type names and for other names.
std::string quoteType(std::string_view name);
std::string quoteName(std::string_view name);

}  // namespace graft::graphql::validation
