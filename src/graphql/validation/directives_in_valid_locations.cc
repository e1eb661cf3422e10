// 5.7.2 Directives Are In Valid Locations, in Hasura's words (`... is not allowed on a query`).
#include <string_view>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

namespace {

std::string_view describe(ast::DirectiveLocation location) {
  using L = ast::DirectiveLocation;
  switch (location) {
    case L::kQuery:
      return "a query";
    case L::kMutation:
      return "a mutation";
    case L::kSubscription:
      return "a subscription";
    case L::kField:
      return "a field";
    case L::kFragmentDefinition:
      return "a fragment definition";
    case L::kFragmentSpread:
      return "a fragment spread";
    case L::kInlineFragment:
      return "an inline fragment";
    case L::kVariableDefinition:
      return "a variable definition";
    default:
      return "a type-system definition";  // never in an executable document
  }
}

}  // namespace

bool checkDirectiveLocation(Context& ctx, const DirectiveDef& definition,
                            ast::DirectiveLocation location) {
  if (definition.allowedAt(location)) return true;
  ctx.report(concat(
      {"directive ", quoteName(definition.name), " is not allowed on ", describe(location)}));
  return false;
}

}  // namespace graft::graphql::validation
