// 5.5.1.2 Fragment Spread Type Existence: a type condition names a type of the schema. The
// message is the one Hasura gives for an unknown type anywhere in a request.
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

const NamedType* checkFragmentTypeExists(Context& ctx, const ast::NamedType& condition) {
  const NamedType* type = ctx.schema().findType(condition.name);
  if (type == nullptr) {
    ctx.report(concat({"no such type exists in the schema: ", quoteType(condition.name)}));
  }
  return type;
}

}  // namespace graft::graphql::validation
