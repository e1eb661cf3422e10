// 5.8.5 All Variable Usages Are Allowed: a variable's type fits where it is used, a nullable
// variable being allowed in a non-null position when the variable or the location has a
// non-null default (the spec's IsVariableUsageAllowed). Hasura's words.
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

namespace {

bool compatible(TypeRef variable, TypeRef location) {
  if (location.isNonNull()) {
    return variable.isNonNull() && compatible(variable.ofType(), location.ofType());
  }
  if (variable.isNonNull()) return compatible(variable.ofType(), location);
  if (location.isList())
    return variable.isList() && compatible(variable.ofType(), location.ofType());
  if (variable.isList()) return false;
  return variable.sameNamed(location);
}

bool allowed(const ast::VariableDefinition& definition, TypeRef variable,
             const VariableUsage& usage, bool strict) {
  TypeRef location = usage.location;
  if (location.isNonNull() && !variable.isNonNull()) {
    bool variable_default = definition.default_value != nullptr &&
                            definition.default_value->kind != ast::Kind::kNullValue;
    if (strict && !variable_default && !usage.location_has_default) return false;
    return compatible(variable, location.ofType());
  }
  return compatible(variable, location);
}

}  // namespace

void checkVariableUsageAllowed(Context& ctx, const ast::VariableDefinition& definition,
                               TypeRef variable_type, const VariableUsage& usage,
                               const std::string& path) {
  if (allowed(definition, variable_type, usage, ctx.strictVariableNullability())) return;
  ctx.reportAt(path, concat({"variable ", quoteName(usage.variable->name), " is declared as ",
                             variable_type.toString(), ", but used where ",
                             usage.location.toString(), " is expected"}));
}

}  // namespace graft::graphql::validation
