// 5.4.2 Argument Uniqueness. The words are those of Hasura's earlier validator (its current
// parser keeps one of the values silently); one error lists every repeated name.
#include <string>
#include <string_view>
#include <unordered_set>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkUniqueArgumentNames(Context& ctx, ast::List<ast::Argument> arguments) {
  if (arguments.size() < 2) return;
  std::unordered_set<std::string_view> seen;
  std::unordered_set<std::string_view> listed;
  std::string names;
  for (const ast::Argument* argument : arguments) {
    if (seen.insert(argument->name).second || !listed.insert(argument->name).second) continue;
    if (!names.empty()) names += ", ";
    names += argument->name;
  }
  if (names.empty()) return;
  ctx.reportAt(concat({ctx.path(), ".args"}),
               concat({"the following arguments are defined more than once: ", names}));
}

}  // namespace graft::graphql::validation
