// 5.5.1.3 Fragments On Composite Types: only objects, interfaces and unions have fields to
// select. Fragment definitions are checked up front (at `$`), inline fragments by the typed
// walk where they stand.
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkFragmentDefinitionTypes(Context& ctx) {
  for (const DefinitionInfo& info : ctx.index().fragments()) {
    if (ctx.done()) return;
    const ast::FragmentDefinition& fragment = *info.fragment;
    const NamedType* type = checkFragmentTypeExists(ctx, *fragment.type_condition);
    if (type != nullptr && !type->isComposite()) {
      ctx.report(concat({"fragment ", quoteName(fragment.name),
                         " cannot condition on non composite type ", quoteType(type->name())}));
    }
  }
}

const NamedType* checkInlineFragmentType(Context& ctx, const ast::NamedType& condition) {
  const NamedType* type = checkFragmentTypeExists(ctx, condition);
  if (type == nullptr) return nullptr;
  if (!type->isComposite()) {
    ctx.report(concat(
        {"inline fragment cannot condition on non composite type ", quoteType(type->name())}));
    return nullptr;
  }
  return type;
}

}  // namespace graft::graphql::validation
