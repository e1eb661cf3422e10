// 5.5.1.4 Fragments Must Be Used: every fragment is reached from some operation. One error
// lists them all, in the words of Hasura's (disabled) check.
#include <string>
#include <vector>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkNoUnusedFragments(Context& ctx) {
  const DocumentIndex& index = ctx.index();
  std::vector<bool> used(index.fragments().size(), false);
  for (size_t op = 0; op < index.operations().size(); ++op) {
    for (uint32_t fragment : index.reachableFragments(op)) used[fragment] = true;
  }
  std::string names;
  for (size_t i = 0; i < used.size(); ++i) {
    // A second definition of a used name is a uniqueness error, not an unused fragment.
    std::string_view name = index.fragments()[i].name();
    if (used[i] || index.findFragment(name) != i) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  if (names.empty()) return;
  ctx.reportAt("$", concat({"following fragment(s) have been defined, but have not been used in "
                            "the query - ",
                            names}));
}

}  // namespace graft::graphql::validation
