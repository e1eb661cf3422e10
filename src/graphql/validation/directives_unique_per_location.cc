// 5.7.3 Directives Are Unique Per Location, unless defined `repeatable`. Hasura's words: one
// error lists every repeated name. Unknown directives are left to 5.7.1.
#include <string>
#include <string_view>
#include <unordered_set>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkDirectivesUniquePerLocation(Context& ctx, ast::List<ast::Directive> directives) {
  if (directives.size() < 2) return;
  std::unordered_set<std::string_view> seen;
  std::unordered_set<std::string_view> listed;
  std::string names;
  for (const ast::Directive* directive : directives) {
    const DirectiveDef* definition = ctx.schema().findDirective(directive->name);
    if (definition == nullptr || definition->repeatable) continue;
    if (seen.insert(directive->name).second || !listed.insert(directive->name).second) continue;
    if (!names.empty()) names += ", ";
    names += directive->name;
  }
  if (names.empty()) return;
  ctx.report(concat({"the following directives are used more than once: ", names}));
}

}  // namespace graft::graphql::validation
