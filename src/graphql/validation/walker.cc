#include "graphql/validation/walker.h"

#include "graphql/concat.h"

namespace graft::graphql::validation {

namespace {

// Fragments met deeper than this many nested selection sets are walked after the operation,
// from the top: each fragment may nest as deep as the parser allows, and spread chains are
// as long as the document allows, so walking them in place would bound nothing.
constexpr uint32_t kMaxInlineDepth = 256;

// The paths kept with the variables of fragments that several operations reach. Beyond it a
// variable is reported at `$` for the later operations: only a document built for it gets
// there.
constexpr size_t kMaxKeptPathBytes = size_t{1} << 22;

class DepthGuard {
 public:
  explicit DepthGuard(uint32_t& depth) : depth_(depth) { ++depth_; }
  ~DepthGuard() { --depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  uint32_t& depth_;
};

ast::DirectiveLocation operationLocation(ast::OperationType type) {
  switch (type) {
    case ast::OperationType::kMutation:
      return ast::DirectiveLocation::kMutation;
    case ast::OperationType::kSubscription:
      return ast::DirectiveLocation::kSubscription;
    default:
      return ast::DirectiveLocation::kQuery;
  }
}

}  // namespace

TypedWalker::TypedWalker(Context& ctx)
    : ctx_(ctx), merge_(ctx), fragments_(ctx.index().fragments().size()) {
  for (size_t i = 0; i < fragments_.size(); ++i) {
    const ast::FragmentDefinition& fragment = *ctx.index().fragments()[i].fragment;
    const NamedType* type = ctx.schema().findType(fragment.type_condition->name);
    if (type != nullptr && type->isComposite()) fragments_[i].type = type;
  }
  std::vector<uint32_t> reached_by(fragments_.size(), 0);
  for (size_t op = 0; op < ctx.index().operations().size(); ++op) {
    for (uint32_t fragment : ctx.index().reachableFragments(op)) {
      if (++reached_by[fragment] > 1) fragments_[fragment].keep_usages = true;
    }
  }
}

void TypedWalker::run() {
  for (size_t i = 0; i < ctx_.index().operations().size(); ++i) {
    if (ctx_.done()) return;
    walkOperation(i);
  }
  operation_ = nullptr;
  operation_index_ = kNoOperation;
  variables_.clear();
  for (uint32_t i = 0; i < fragments_.size(); ++i) {
    if (ctx_.done()) return;
    if (fragments_[i].walked) continue;
    PathSegment segment(ctx_.path(), {".", ctx_.index().fragments()[i].name()});
    walkFragment(i);
    walkDeferredFragments();
  }
}

void TypedWalker::walkOperation(size_t index) {
  const ast::OperationDefinition& operation = *ctx_.index().operations()[index].operation;
  operation_ = &operation;
  operation_index_ = index;
  variables_.clear();
  walking_ = nullptr;

  const NamedType* root = checkOperationType(ctx_, operation);
  checkDirectives(operation.directives, operationLocation(operation.operation));
  for (const ast::VariableDefinition* definition : operation.variable_definitions) {
    TypeRef type = ctx_.schema().resolve(*definition->type);
    variables_.try_emplace(definition->variable->name, VariableInfo{definition, type});
    checkDirectives(definition->directives, ast::DirectiveLocation::kVariableDefinition);
    if (definition->default_value != nullptr && type.valid() &&
        ctx_.schema().named(type).isInput()) {
      checkValue(ctx_, *definition->default_value, type, {definition->variable->name});
    }
  }
  // Without a root type the fields cannot be checked, but the fragments still are.
  walkSelectionSet(root, operation.selection_set);
  walkDeferredFragments();

  // Fragments walked for an earlier operation: their usages against this one's variables.
  for (uint32_t fragment : ctx_.index().reachableFragments(index)) {
    if (ctx_.done()) return;
    if (fragments_[fragment].operation == index) continue;
    for (const KeptUsage& kept : fragments_[fragment].usages) checkUsage(kept.usage, kept.path);
  }
}

void TypedWalker::walkFragment(uint32_t fragment) {
  FragmentState& state = fragments_[fragment];
  state.walked = true;
  state.operation = operation_index_;
  const ast::FragmentDefinition& definition = *ctx_.index().fragments()[fragment].fragment;
  FragmentState* outer = walking_;
  walking_ = &state;
  checkDirectives(definition.directives, ast::DirectiveLocation::kFragmentDefinition);
  walkSelectionSet(state.type, definition.selection_set);
  walking_ = outer;
}

void TypedWalker::walkDeferredFragments() {
  while (!deferred_.empty() && !ctx_.done()) {
    uint32_t fragment = deferred_.back();
    deferred_.pop_back();
    if (fragments_[fragment].walked) continue;
    // A fresh path: the one through the spread is as deep as the walk that gave up on it.
    std::string& path = ctx_.path();
    std::string outer = std::move(path);
    path = concat({"$.", ctx_.index().fragments()[fragment].name()});
    walkFragment(fragment);
    path = std::move(outer);
  }
}

void TypedWalker::walkSelectionSet(const NamedType* parent, ast::List<ast::Selection> selections) {
  PathSegment segment(ctx_.path(), {".selectionSet"});
  DepthGuard depth(depth_);
  checkSelectionDirectives(selections);
  merge_.check(parent, selections);
  walkSelections(parent, selections);
}

void TypedWalker::checkSelectionDirectives(ast::List<ast::Selection> selections) {
  for (const ast::Selection* selection : selections) {
    if (const auto* field = ast::dynCast<ast::Field>(selection)) {
      checkDirectives(field->directives, ast::DirectiveLocation::kField);
    } else if (const auto* spread = ast::dynCast<ast::FragmentSpread>(selection)) {
      checkDirectives(spread->directives, ast::DirectiveLocation::kFragmentSpread);
    } else {
      checkDirectives(ast::cast<ast::InlineFragment>(*selection).directives,
                      ast::DirectiveLocation::kInlineFragment);
    }
  }
}

void TypedWalker::walkSelections(const NamedType* parent, ast::List<ast::Selection> selections) {
  for (const ast::Selection* selection : selections) {
    if (ctx_.done()) return;
    if (const auto* field = ast::dynCast<ast::Field>(selection)) {
      walkField(parent, *field);
    } else if (const auto* spread = ast::dynCast<ast::FragmentSpread>(selection)) {
      walkSpread(parent, *spread);
    } else {
      walkInlineFragment(parent, ast::cast<ast::InlineFragment>(*selection));
    }
  }
}

void TypedWalker::walkField(const NamedType* parent, const ast::Field& field) {
  PathSegment segment(ctx_.path(), {".", field.name});
  const Field* definition =
      parent != nullptr ? checkFieldOnCorrectType(ctx_, *parent, field) : nullptr;
  if (definition == nullptr) {
    // Nothing below an unknown field can be typed, but the fragments spread there are
    // still walked, for everything they check on their own.
    if (!field.selection_set.empty()) walkSelectionSet(nullptr, field.selection_set);
    return;
  }
  const NamedType& type = ctx_.schema().named(definition->type);
  // Hasura reports a selection set on a leaf before the arguments, a missing one after them.
  if (type.isLeaf()) checkLeafFieldSelection(ctx_, *definition, field);
  checkArguments(field.name, definition->arguments, field.arguments);
  if (!type.isLeaf()) checkLeafFieldSelection(ctx_, *definition, field);
  if (!field.selection_set.empty()) {
    walkSelectionSet(type.isComposite() ? &type : nullptr, field.selection_set);
  }
}

void TypedWalker::walkSpread(const NamedType* parent, const ast::FragmentSpread& spread) {
  uint32_t fragment = ctx_.index().findFragment(spread.name);
  if (fragment == DocumentIndex::kNone) return;  // 5.5.2.1 reported it
  FragmentState& state = fragments_[fragment];
  if (parent != nullptr && state.type != nullptr) {
    checkFragmentSpreadPossible(ctx_, *parent, spread, *state.type);
  }
  if (state.walked) return;
  if (depth_ >= kMaxInlineDepth) {
    deferred_.push_back(fragment);
    return;
  }
  PathSegment segment(ctx_.path(), {".", spread.name});
  walkFragment(fragment);
}

void TypedWalker::walkInlineFragment(const NamedType* parent, const ast::InlineFragment& fragment) {
  DepthGuard depth(depth_);
  const NamedType* type = parent;
  if (fragment.type_condition != nullptr) {
    type = checkInlineFragmentType(ctx_, *fragment.type_condition);
    if (parent != nullptr && type != nullptr) checkInlineFragmentPossible(ctx_, *parent, *type);
  }
  // Hasura flattens inline fragments into the selection set holding them: no path segment,
  // and their fields are merged with that set's.
  checkSelectionDirectives(fragment.selection_set);
  walkSelections(type, fragment.selection_set);
}

void TypedWalker::checkDirectives(ast::List<ast::Directive> directives,
                                  ast::DirectiveLocation location) {
  for (const ast::Directive* directive : directives) {
    if (ctx_.done()) return;
    const DirectiveDef* definition = checkDirectiveDefined(ctx_, *directive);
    if (definition == nullptr || !checkDirectiveLocation(ctx_, *definition, location)) continue;
    PathSegment segment(ctx_.path(), {".", directive->name});
    checkArguments(directive->name, definition->arguments, directive->arguments);
  }
  checkDirectivesUniquePerLocation(ctx_, directives);
}

void TypedWalker::checkArguments(std::string_view owner, std::span<const InputValue> definitions,
                                 ast::List<ast::Argument> arguments) {
  checkKnownArgumentNames(ctx_, owner, definitions, arguments);
  checkUniqueArgumentNames(ctx_, arguments);
  PathSegment args(ctx_.path(), {".args"});
  // In the definition's order, as Hasura's parsers read the arguments.
  for (const InputValue& definition : definitions) {
    if (ctx_.done()) return;
    const ast::Argument* given = nullptr;
    for (const ast::Argument* argument : arguments) {
      if (argument->name == definition.name) {
        given = argument;
        break;
      }
    }
    PathSegment segment(ctx_.path(), {".", definition.name});
    if (!checkRequiredArgument(ctx_, definition, given) || given == nullptr) continue;
    checkValue(ctx_, *given->value, definition.type,
               {definition.name, definition.default_value != nullptr, this});
  }
}

void TypedWalker::use(const VariableUsage& usage) {
  checkUsage(usage, ctx_.path());
  if (walking_ == nullptr || !walking_->keep_usages) return;
  std::string path = kept_path_bytes_ < kMaxKeptPathBytes ? ctx_.path() : "$";
  kept_path_bytes_ += path.size();
  walking_->usages.push_back({usage, std::move(path)});
}

void TypedWalker::checkUsage(const VariableUsage& usage, const std::string& path) {
  if (operation_ == nullptr) return;
  auto found = variables_.find(usage.variable->name);
  // Undefined variables and variables of unknown or output types are reported up front.
  if (found == variables_.end()) return;
  const VariableInfo& variable = found->second;
  if (!variable.type.valid() || !ctx_.schema().named(variable.type).isInput()) return;
  checkVariableUsageAllowed(ctx_, *variable.definition, variable.type, usage, path);
}

}  // namespace graft::graphql::validation
