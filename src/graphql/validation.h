// Validation of an executable document against a Schema: every rule of the October 2021
// spec's "Validation" section, each in its own file under graphql/validation/ (rules.h lists
// them). Pure function over read-only inputs; any thread.
//
// Errors are validation-failed, with Hasura's messages where Hasura's are known and Hasura's
// path form: `$.selectionSet.<field name>.selectionSet.<fragment name>.selectionSet...` (field
// names, not aliases, as Hasura's parsers do; inline fragments add nothing),
// `$.selectionSet.<field>.args.<arg>.<input field>[0]`, `$` for document-level rules. Hasura
// reports only the first error; the order is that of validation/validate.cc: document-level
// rules first, then one walk of the operations in which each node meets its rules.
#pragma once

#include <cstddef>
#include <vector>

#include "common/error.h"
#include "graphql/ast.h"
#include "graphql/schema.h"

namespace graft::graphql {

struct ValidationOptions {
  size_t max_errors = 1;  // stop after this many; 0: no limit
  // The spec's "No Unused Fragments" and "All Variables Used". Hasura has both checks but
  // leaves them off, so /v1/graphql turns them off too (docs/compatibility.md).
  bool reject_unused_fragments = true;
  bool reject_unused_variables = true;
  // The spec refuses a nullable variable where a non-null value is expected (unless a default
  // makes it non-null). Hasura accepts it and lets a null value fail when it arrives, so
  // /v1/graphql turns this off.
  bool strict_variable_nullability = true;
};

// Empty when the document is valid.
std::vector<Error> validate(const Schema& schema, const ast::Document& document,
                            const ValidationOptions& options = {});

}  // namespace graft::graphql
