// 5.5.2.1 Fragment spread target defined, in the words of Hasura's fragment inliner. Spreads
// are visited the way Hasura inlines them (from the operations down), so the path is the one
// of the selection set holding the spread.
#include <string>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkKnownFragmentNames(Context& ctx) {
  ctx.index().walkSpreads([&](const SpreadEvent& event) {
    if (event.target == DocumentIndex::kNone) {
      ctx.reportAt(std::string(event.path),
                   concat({"reference to undefined fragment ", quoteName(event.spread.name)}));
    }
    return !ctx.done();
  });
}

}  // namespace graft::graphql::validation
