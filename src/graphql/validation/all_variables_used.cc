// 5.8.4 All Variables Used: every variable an operation defines is used by it or by a
// fragment it reaches. One error per operation lists them, in the words of Hasura's (disabled)
// check.
#include <string>
#include <string_view>
#include <unordered_set>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkAllVariablesUsed(Context& ctx) {
  const DocumentIndex& index = ctx.index();
  for (size_t op = 0; op < index.operations().size(); ++op) {
    const DefinitionInfo& info = index.operations()[op];
    std::unordered_set<std::string_view> used;
    auto collect = [&](const DefinitionInfo& user) {
      for (const ast::Variable* variable : user.variables) used.insert(variable->name);
    };
    collect(info);
    for (uint32_t fragment : index.reachableFragments(op)) collect(index.fragments()[fragment]);
    std::string names;
    std::unordered_set<std::string_view> listed;
    for (const ast::VariableDefinition* definition : info.operation->variable_definitions) {
      std::string_view name = definition->variable->name;
      if (used.contains(name) || !listed.insert(name).second) continue;
      if (!names.empty()) names += ", ";
      names += name;
    }
    if (names.empty()) continue;
    ctx.reportAt("$", concat({"following variable(s) have been defined, but have not been used "
                              "in the query - ",
                              names}));
    if (ctx.done()) return;
  }
}

}  // namespace graft::graphql::validation
