// validate(): the document-level rules first, in the order Hasura meets their errors (it
// inlines fragments, then resolves variables, before it parses any field), then the typed walk.
#include "graphql/validation.h"
#include "graphql/validation/context.h"
#include "graphql/validation/rules.h"
#include "graphql/validation/walker.h"

namespace graft::graphql {

std::vector<Error> validate(const Schema& schema, const ast::Document& document,
                            const ValidationOptions& options) {
  validation::Context ctx(schema, document, options.max_errors);
  ctx.setStrictVariableNullability(options.strict_variable_nullability);
  if (ctx.index().tooComplex()) {
    ctx.reportAt("$",
                 "the query is too complex to validate: too many operations reach too many "
                 "fragments");
    return ctx.takeErrors();
  }
  using Rule = void (*)(validation::Context&);
  static constexpr Rule kDocumentRules[] = {
      validation::checkExecutableDefinitions,
      validation::checkUniqueOperationNames,
      validation::checkLoneAnonymousOperation,
      validation::checkUniqueFragmentNames,
      validation::checkFragmentDefinitionTypes,
      validation::checkKnownFragmentNames,
      validation::checkNoFragmentCycles,
      validation::checkNoUnusedFragments,
      validation::checkUniqueVariableNames,
      validation::checkVariablesAreInputTypes,
      validation::checkAllVariableUsesDefined,
      validation::checkAllVariablesUsed,
      validation::checkSubscriptionSingleRootField,
  };
  for (Rule rule : kDocumentRules) {
    if (ctx.done()) break;
    if (rule == validation::checkNoUnusedFragments && !options.reject_unused_fragments) continue;
    if (rule == validation::checkAllVariablesUsed && !options.reject_unused_variables) continue;
    rule(ctx);
  }
  if (!ctx.done()) validation::TypedWalker(ctx).run();
  return ctx.takeErrors();
}

}  // namespace graft::graphql
