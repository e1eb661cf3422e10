// 5.5.2.2 Fragment spreads must not form cycles: expanding them would never end. Hasura's
// words, listing the fragments walked since the first one of the cycle, innermost first.
#include <string>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkNoFragmentCycles(Context& ctx) {
  const auto& fragments = ctx.index().fragments();
  ctx.index().walkSpreads([&](const SpreadEvent& event) {
    if (!event.closes_cycle) return true;
    std::string via;
    for (auto it = event.walking.rbegin(); it != event.walking.rend(); ++it) {
      if (!via.empty()) via += ',';
      via += fragments[*it].name();
      if (*it == event.target) break;
    }
    ctx.reportAt(std::string(event.path),
                 concat({"cannot spread fragment ", quoteName(event.spread.name),
                         " within itself via ", via}));
    return !ctx.done();
  });
}

}  // namespace graft::graphql::validation
