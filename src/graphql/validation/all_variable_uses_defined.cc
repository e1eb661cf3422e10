// 5.8.3 All Variable Uses Defined: every variable an operation uses, directly or in the
// fragments it reaches, is defined by that operation. Hasura's words.
#include <string_view>
#include <unordered_set>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkAllVariableUsesDefined(Context& ctx) {
  const DocumentIndex& index = ctx.index();
  for (size_t op = 0; op < index.operations().size(); ++op) {
    const DefinitionInfo& info = index.operations()[op];
    std::unordered_set<std::string_view> defined;
    for (const ast::VariableDefinition* definition : info.operation->variable_definitions) {
      defined.insert(definition->variable->name);
    }
    std::unordered_set<std::string_view> reported;
    auto check = [&](const DefinitionInfo& user) {
      for (const ast::Variable* variable : user.variables) {
        if (defined.contains(variable->name) || !reported.insert(variable->name).second) continue;
        ctx.reportAt("$", concat({"unbound variable ", quoteName(variable->name)}));
      }
    };
    check(info);
    for (uint32_t fragment : index.reachableFragments(op)) check(index.fragments()[fragment]);
    if (ctx.done()) return;
  }
}

}  // namespace graft::graphql::validation
