// 5.7.1 Directives Are Defined. Hasura's words; the path is that of the element's location
// (for a field, the selection set holding it; for an operation, `$`).
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

const DirectiveDef* checkDirectiveDefined(Context& ctx, const ast::Directive& directive) {
  const DirectiveDef* definition = ctx.schema().findDirective(directive.name);
  if (definition == nullptr) {
    ctx.report(concat({"directive ", quoteName(directive.name), " is not defined in the schema"}));
  }
  return definition;
}

}  // namespace graft::graphql::validation
