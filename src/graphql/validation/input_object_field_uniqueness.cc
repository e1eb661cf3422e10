// 5.6.3 Input Object Field Uniqueness. The words are those of Hasura's earlier validator; one
// error lists every repeated name, at the object's path.
#include <string>
#include <string_view>
#include <unordered_set>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

void checkInputObjectFieldUniqueness(Context& ctx, const NamedType& type,
                                     const ast::ObjectValue& object) {
  if (object.fields.size() < 2) return;
  std::unordered_set<std::string_view> seen;
  std::unordered_set<std::string_view> listed;
  std::string names;
  for (const ast::ObjectField* field : object.fields) {
    if (seen.insert(field->name).second || !listed.insert(field->name).second) continue;
    if (!names.empty()) names += ", ";
    names += field->name;
  }
  if (names.empty()) return;
  ctx.report(concat({"when parsing a value of type: ", quoteType(type.name()),
                     ", the following fields are duplicated: ", names}));
}

}  // namespace graft::graphql::validation
