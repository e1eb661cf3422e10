// 5.5.1.1 Fragment Name Uniqueness, in the words of Hasura's fragment inliner.
#include <string_view>
#include <unordered_set>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkUniqueFragmentNames(Context& ctx) {
  std::unordered_set<std::string_view> seen;
  std::unordered_set<std::string_view> reported;
  for (const DefinitionInfo& fragment : ctx.index().fragments()) {
    std::string_view name = fragment.name();
    if (seen.insert(name).second || !reported.insert(name).second) continue;
    ctx.reportAt("$", concat({"multiple definitions for fragment ", quoteName(name)}));
  }
}

}  // namespace graft::graphql::validation
