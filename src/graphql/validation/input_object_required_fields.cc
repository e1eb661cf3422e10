// 5.6.4 Input Object Required Fields: a non-null field without a default value is given, and
// not as the null literal. Hasura's words, at the field's path.
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

bool checkInputObjectRequiredField(Context& ctx, const InputValue& definition,
                                   const ast::ObjectField* given) {
  if (!definition.type.isNonNull() || definition.default_value != nullptr) return true;
  if (given == nullptr) {
    ctx.report(concat({"missing required field ", quoteName(definition.name)}));
    return false;
  }
  if (given->value->kind == ast::Kind::kNullValue) {
    ctx.report(nullForNonNullMessage(definition.type));
    return false;
  }
  return true;
}

}  // namespace graft::graphql::validation
