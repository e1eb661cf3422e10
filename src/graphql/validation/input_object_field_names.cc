// 5.6.2 Input Object Field Names: every field of an input object literal is defined on the
// type. Hasura's words (the same as for unknown output fields), at the field's path.
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkInputObjectFieldNames(Context& ctx, const NamedType& type,
                                const ast::ObjectValue& object) {
  for (const ast::ObjectField* field : object.fields) {
    if (type.findInputField(field->name) != nullptr) continue;
    ctx.reportAt(
        concat({ctx.path(), ".", field->name}),
        concat({"field ", quoteName(field->name), " not found in type: ", quoteType(type.name())}));
  }
}

}  // namespace graft::graphql::validation
