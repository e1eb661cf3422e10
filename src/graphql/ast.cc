#include "graphql/ast.h"

#include <array>

#include "graphql/ast_type_system.h"

namespace graft::graphql::ast {
namespace {

// Indexed by DirectiveLocation.
constexpr std::array<std::string_view, 19> kDirectiveLocationNames = {
    "QUERY",
    "MUTATION",
    "SUBSCRIPTION",
    "FIELD",
    "FRAGMENT_DEFINITION",
    "FRAGMENT_SPREAD",
    "INLINE_FRAGMENT",
    "VARIABLE_DEFINITION",
    "SCHEMA",
    "SCALAR",
    "OBJECT",
    "FIELD_DEFINITION",
    "ARGUMENT_DEFINITION",
    "INTERFACE",
    "UNION",
    "ENUM",
    "ENUM_VALUE",
    "INPUT_OBJECT",
    "INPUT_FIELD_DEFINITION",
};
static_assert(kDirectiveLocationNames.size() ==
              static_cast<size_t>(DirectiveLocation::kInputFieldDefinition) + 1);

}  // namespace

std::string_view operationTypeName(OperationType type) {
  switch (type) {
    case OperationType::kQuery:
      return "query";
    case OperationType::kMutation:
      return "mutation";
    case OperationType::kSubscription:
      return "subscription";
  }
  return "query";
}

std::string_view directiveLocationName(DirectiveLocation location) {
  return kDirectiveLocationNames[static_cast<size_t>(location)];
}

bool parseDirectiveLocation(std::string_view name, DirectiveLocation& out) {
  for (size_t i = 0; i < kDirectiveLocationNames.size(); ++i) {
    if (kDirectiveLocationNames[i] == name) {
      out = static_cast<DirectiveLocation>(i);
      return true;
    }
  }
  return false;
}

}  // namespace graft::graphql::ast
