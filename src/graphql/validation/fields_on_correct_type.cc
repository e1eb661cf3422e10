// 5.3.1 Field Selections: the field is defined on the type it is selected on (or is one of the
// meta-fields allowed there). Hasura's words, at the field's path.
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

const Field* checkFieldOnCorrectType(Context& ctx, const NamedType& parent,
                                     const ast::Field& field) {
  const Field* definition = ctx.schema().findFieldIncludingMeta(parent, field.name);
  if (definition == nullptr) {
    ctx.report(concat(
        {"field ", quoteName(field.name), " not found in type: ", quoteType(parent.name())}));
  }
  return definition;
}

}  // namespace graft::graphql::validation
