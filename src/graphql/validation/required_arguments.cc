// 5.4.2.1 Required Arguments: a non-null argument without a default value is given, and not
// as the null literal. Hasura's words, at the argument's path.
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

bool checkRequiredArgument(Context& ctx, const InputValue& definition, const ast::Argument* given) {
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
