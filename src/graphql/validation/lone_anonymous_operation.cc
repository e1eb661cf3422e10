// 5.2.2.1 Lone Anonymous Operation: an operation without a name cannot be selected by
// operationName, so it must be the only one.
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkLoneAnonymousOperation(Context& ctx) {
  const auto& operations = ctx.index().operations();
  if (operations.size() < 2) return;
  for (const DefinitionInfo& operation : operations) {
    if (!operation.name().empty()) continue;
    ctx.reportAt("$", "an anonymous operation must be the only operation in the document");
    return;  // the same fact, however many anonymous operations there are
  }
}

}  // namespace graft::graphql::validation
