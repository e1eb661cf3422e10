// 5.5.2.3 Fragment spread is possible: some object type is both the parent type and the
// fragment's type condition (or one of their possible types). The words are those of Hasura's
// earlier validator; the path is the selection set holding the spread.
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkFragmentSpreadPossible(Context& ctx, const NamedType& parent,
                                 const ast::FragmentSpread& spread,
                                 const NamedType& fragment_type) {
  if (ctx.schema().overlap(parent, fragment_type)) return;
  ctx.report(concat({"cannot spread fragment ", quoteName(spread.name), " defined on ",
                     quoteType(fragment_type.name()), " when selecting fields of type ",
                     quoteType(parent.name())}));
}

void checkInlineFragmentPossible(Context& ctx, const NamedType& parent,
                                 const NamedType& fragment_type) {
  if (ctx.schema().overlap(parent, fragment_type)) return;
  ctx.report(concat({"inline fragment is expected on type ", quoteType(parent.name()),
                     " but found ", quoteType(fragment_type.name())}));
}

}  // namespace graft::graphql::validation
