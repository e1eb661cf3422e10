// 5.8.1 Variable Uniqueness, in the words of Hasura's variable resolution.
#include <string_view>
#include <unordered_set>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkUniqueVariableNames(Context& ctx) {
  for (const DefinitionInfo& info : ctx.index().operations()) {
    std::unordered_set<std::string_view> seen;
    std::unordered_set<std::string_view> reported;
    for (const ast::VariableDefinition* definition : info.operation->variable_definitions) {
      std::string_view name = definition->variable->name;
      if (seen.insert(name).second || !reported.insert(name).second) continue;
      ctx.reportAt("$", concat({"multiple definitions for variable ", quoteName(name)}));
    }
  }
}

}  // namespace graft::graphql::validation
