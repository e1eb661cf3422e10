// 5.2.1.1 Operation Name Uniqueness. Hasura has no message of its own (it picks the first
// operation with the requested name); the wording follows its fragment and variable ones.
#include <string_view>
#include <unordered_set>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkUniqueOperationNames(Context& ctx) {
  std::unordered_set<std::string_view> seen;
  std::unordered_set<std::string_view> reported;
  for (const DefinitionInfo& operation : ctx.index().operations()) {
    std::string_view name = operation.name();
    if (name.empty() || seen.insert(name).second || !reported.insert(name).second) continue;
    ctx.reportAt("$", concat({"multiple definitions for operation ", quoteName(name)}));
  }
}

}  // namespace graft::graphql::validation
