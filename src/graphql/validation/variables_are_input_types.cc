// 5.8.2 Variables Are Input Types: a variable's value comes from JSON or a literal, so its type
// must be a scalar, an enum or an input object (in lists or not). Hasura's words.
#include <string_view>

#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

namespace {

std::string_view namedTypeOf(const ast::Type& type) {
  const ast::Type* inner = &type;
  while (true) {
    if (const auto* non_null = ast::dynCast<ast::NonNullType>(inner)) {
      inner = non_null->type;
    } else if (const auto* list = ast::dynCast<ast::ListType>(inner)) {
      inner = list->type;
    } else {
      return ast::cast<ast::NamedType>(*inner).name;
    }
  }
}

std::string_view kindWithArticle(TypeKind kind) {
  switch (kind) {
    case TypeKind::kObject:
      return "an object type";
    case TypeKind::kInterface:
      return "an interface type";
    case TypeKind::kUnion:
      return "a union type";
    default:
      return "an input type";
  }
}

}  // namespace

void checkVariablesAreInputTypes(Context& ctx) {
  for (const DefinitionInfo& info : ctx.index().operations()) {
    for (const ast::VariableDefinition* definition : info.operation->variable_definitions) {
      if (ctx.done()) return;
      std::string_view type_name = namedTypeOf(*definition->type);
      const NamedType* named = ctx.schema().findType(type_name);
      if (named == nullptr) {
        ctx.reportAt("$", concat({"no such type exists in the schema: ", quoteType(type_name)}));
      } else if (!named->isInput()) {
        ctx.reportAt("$", concat({"variables can only be defined on input types (enums, scalars, "
                                  "input objects), but ",
                                  quoteType(type_name), " is ", kindWithArticle(named->kind())}));
      } else if (!ctx.schema().resolve(*definition->type).valid()) {
        ctx.reportAt("$", concat({"the type of variable ", quoteName(definition->variable->name),
                                  " nests lists too deeply"}));
      }
    }
  }
}

}  // namespace graft::graphql::validation
