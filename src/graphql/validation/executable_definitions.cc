// 5.1.1 Executable Definitions: a request document holds operations and fragments only.
// parseExecutable already rejects anything else; this covers documents from parseDocument.
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkExecutableDefinitions(Context& ctx) {
  for (const ast::Definition* definition : ctx.index().document().definitions) {
    if (definition->isExecutable()) continue;
    ctx.reportAt("$", "a query document may only contain operations and fragments");
    return;  // one error says it all
  }
}

}  // namespace graft::graphql::validation
