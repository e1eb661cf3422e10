// Validation of an executable document against a Schema: every rule of the October 2021
// spec's "Validation" section, each in its own file under graphql/validation/. Pure function
// over read-only inputs; any thread.
//
// Errors are validation-failed, with Hasura's messages where Hasura's are known and Hasura's
// path form: `$.selectionSet.<response key>.selectionSet.<fragment name>.selectionSet...`,
// `$.selectionSet.<field>.args.<arg>.<input field>`, `$` for document-level rules. Hasura
// reports only the first error; the order is that of the rules in validation.cc, each rule
// walking the document in order.
#pragma once

#include <cstddef>
#include <vector>

#include "common/error.h"
#include "graphql/ast.h"
#include "graphql/schema.h"

namespace graft::graphql {

struct ValidationOptions {
  size_t max_errors = 1;  // stop after this many
};

// Empty when the document is valid.
std::vector<Error> validate(const Schema& schema, const ast::Document& document,
                            const ValidationOptions& options = {});

}  // namespace graft::graphql
