// 5.3.3 Leaf Field Selections: scalars and enums take no selection set, objects, interfaces
// and unions need one. Hasura's words; its missing-selection error stands at the field's
// `.selectionSet`.
#include <string>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

bool checkLeafFieldSelection(Context& ctx, const Field& definition, const ast::Field& field) {
  const NamedType& type = ctx.schema().named(definition.type);
  if (type.isLeaf() && !field.selection_set.empty()) {
    ctx.report("unexpected subselection set for non-object field");
    return false;
  }
  if (!type.isLeaf() && field.selection_set.empty()) {
    ctx.reportAt(concat({ctx.path(), ".selectionSet"}),
                 concat({"missing selection set for ", quoteType(type.name())}));
    return false;
  }
  return true;
}

}  // namespace graft::graphql::validation
