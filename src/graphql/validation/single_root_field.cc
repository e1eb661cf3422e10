// 5.2.3.1 Single root field: a subscription selects exactly one root field, and not an
// introspection one, counted as CollectFields would with no variables (a literal @skip or
// @include applies, one depending on a variable counts as selected). Hasura's words.
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

namespace {

bool literalCondition(const ast::Directive& directive, bool& value) {
  for (const ast::Argument* argument : directive.arguments) {
    if (argument->name != "if") continue;
    const auto* literal = ast::dynCast<ast::BooleanValue>(argument->value);
    if (literal == nullptr) return false;
    value = literal->value;
    return true;
  }
  return false;
}

bool excluded(ast::List<ast::Directive> directives) {
  for (const ast::Directive* directive : directives) {
    bool value = false;
    if (!literalCondition(*directive, value)) continue;
    if ((directive->name == "skip" && value) || (directive->name == "include" && !value)) {
      return true;
    }
  }
  return false;
}

bool applies(const NamedType& root, const NamedType* condition) {
  return condition != nullptr &&
         (condition == &root || (condition->isAbstract() && condition->isPossibleType(root)));
}

}  // namespace

void checkSubscriptionSingleRootField(Context& ctx) {
  const NamedType* root = ctx.schema().subscriptionType();
  if (root == nullptr) return;  // checkOperationType reports it
  const DocumentIndex& index = ctx.index();
  // visited[fragment] == the operation that walked it.
  std::vector<size_t> visited(index.fragments().size(), SIZE_MAX);
  for (size_t op = 0; op < index.operations().size(); ++op) {
    if (ctx.done()) return;
    const DefinitionInfo& info = index.operations()[op];
    if (info.operation->operation != ast::OperationType::kSubscription) continue;
    std::unordered_set<std::string_view> keys;
    bool introspection = false;
    // A worklist rather than recursion: spreads may chain as long as the document allows.
    std::vector<ast::List<ast::Selection>> work = {info.operation->selection_set};
    while (!work.empty()) {
      ast::List<ast::Selection> selections = work.back();
      work.pop_back();
      for (const ast::Selection* selection : selections) {
        if (const auto* field = ast::dynCast<ast::Field>(selection)) {
          if (excluded(field->directives)) continue;
          keys.insert(field->responseKey());
          introspection = introspection || field->name.starts_with("__");
        } else if (const auto* spread = ast::dynCast<ast::FragmentSpread>(selection)) {
          uint32_t target = index.findFragment(spread->name);
          if (excluded(spread->directives) || target == DocumentIndex::kNone ||
              visited[target] == op) {
            continue;
          }
          visited[target] = op;
          const ast::FragmentDefinition& fragment = *index.fragments()[target].fragment;
          if (applies(*root, ctx.schema().findType(fragment.type_condition->name))) {
            work.push_back(fragment.selection_set);
          }
        } else {
          const auto& inline_fragment = ast::cast<ast::InlineFragment>(*selection);
          if (excluded(inline_fragment.directives)) continue;
          if (inline_fragment.type_condition != nullptr &&
              !applies(*root, ctx.schema().findType(inline_fragment.type_condition->name))) {
            continue;
          }
          work.push_back(inline_fragment.selection_set);
        }
      }
    }
    if (keys.size() > 1) ctx.reportAt("$", "subscriptions must select one top level field");
    if (introspection) {
      ctx.reportAt("$", "subscriptions must not select an introspection top level field");
    }
  }
}

}  // namespace graft::graphql::validation
