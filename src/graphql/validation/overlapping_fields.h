// 5.3.2 Field Selection Merging: the fields a selection set gathers under one response name
// (directly, through inline fragments or through fragment spreads) are the same field with the
// same arguments, unless their parent types can never be the same object, and have shapes that
// merge. graphql-js's algorithm (OverlappingFieldsCanBeMergedRule): each selection set's fields
// are collected once, each pair of fragments is compared once; on top of it every comparison is
// counted against a budget, so that a hostile document is rejected instead of taking quadratic
// or worse time. One checker per validate() call, used by the typed walk; one thread.
#pragma once

#include <memory>

#include "graphql/ast.h"
#include "graphql/schema.h"
#include "graphql/validation/context.h"

namespace graft::graphql::validation {

class FieldMergeChecker {
 public:
  explicit FieldMergeChecker(Context& ctx);
  ~FieldMergeChecker();
  FieldMergeChecker(const FieldMergeChecker&) = delete;
  FieldMergeChecker& operator=(const FieldMergeChecker&) = delete;

  // Checks the selection set at ctx.path() (which ends in `.selectionSet`); `parent` is its
  // type, null when unknown. A conflict is reported at the path of the selection set where the
  // fields meet: Hasura merges fields there.
  void check(const NamedType* parent, ast::List<ast::Selection> selections);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace graft::graphql::validation
