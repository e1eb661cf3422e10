// 5.4.1 Argument Names: every argument given is defined on the field or directive. Hasura's
// words, at the path of the field (or directive).
#include <algorithm>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkKnownArgumentNames(Context& ctx, std::string_view owner,
                             std::span<const InputValue> definitions,
                             ast::List<ast::Argument> arguments) {
  for (const ast::Argument* argument : arguments) {
    bool known = std::ranges::any_of(definitions, [&](const InputValue& definition) {
      return definition.name == argument->name;
    });
    if (!known) {
      ctx.report(concat({quoteName(owner), " has no argument named ", quoteName(argument->name)}));
    }
  }
}

}  // namespace graft::graphql::validation
