// The schema has a root type for the operation's kind (spec 6.1 GetOperation, graphql-js's
// KnownOperationTypes). The words are Hasura's, also used by normalize() for the operation it
// runs.
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

const NamedType* checkOperationType(Context& ctx, const ast::OperationDefinition& operation) {
  const NamedType* root = ctx.schema().rootType(operation.operation);
  if (root == nullptr) {
    ctx.reportAt("$", operation.operation == ast::OperationType::kMutation
                          ? "no mutations exist"
                          : "no subscriptions exist");
  }
  return root;
}

}  // namespace graft::graphql::validation
