// The typed walk: every operation with the fragments it reaches, then the fragments no
// operation reaches, keeping the parent type, Hasura's path and the variable usages, and
// calling the rules of rules.h (and the field-merge checker) on each node in the order Hasura's
// parsers would meet the errors. Each fragment is walked once, at its first spread; the
// variable usages recorded in it are checked against every operation that reaches it. Used once
// by validate(); one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/ast.h"
#include "graphql/ast_type_system.h"
#include "graphql/schema.h"
#include "graphql/validation/context.h"
#include "graphql/validation/overlapping_fields.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

class TypedWalker : private VariableSink {
 public:
  explicit TypedWalker(Context& ctx);
  void run();

 private:
  static constexpr size_t kNoOperation = SIZE_MAX;

  struct KeptUsage {
    VariableUsage usage;
    std::string path;
  };
  struct FragmentState {
    bool walked = false;
    size_t operation = kNoOperation;  // the operation it was walked for
    const NamedType* type = nullptr;  // its type condition; null when not a composite type
    bool keep_usages = false;         // more than one operation reaches it
    std::vector<KeptUsage> usages;    // for the operations after the one it was walked for
  };
  struct VariableInfo {
    const ast::VariableDefinition* definition;
    TypeRef type;  // !valid() or not an input type: 5.8.2 reported it, usages are not checked
  };

  void walkOperation(size_t index);
  void walkFragment(uint32_t fragment);
  void walkDeferredFragments();
  // Adds `.selectionSet` to the path and checks the set as a whole before its selections.
  void walkSelectionSet(const NamedType* parent, ast::List<ast::Selection> selections);
  // Hasura reads the directives of a whole selection set (and merges its fields) before it
  // looks at any field; the path is the selection set's.
  void checkSelectionDirectives(ast::List<ast::Selection> selections);
  void walkSelections(const NamedType* parent, ast::List<ast::Selection> selections);
  void walkField(const NamedType* parent, const ast::Field& field);
  void walkSpread(const NamedType* parent, const ast::FragmentSpread& spread);
  void walkInlineFragment(const NamedType* parent, const ast::InlineFragment& fragment);

  void checkDirectives(ast::List<ast::Directive> directives, ast::DirectiveLocation location);
  void checkArguments(std::string_view owner, std::span<const InputValue> definitions,
                      ast::List<ast::Argument> arguments);
  // A variable met in a literal: checked against the current operation's definition, and
  // kept for the other operations that reach the fragment being walked.
  void use(const VariableUsage& usage) override;
  void checkUsage(const VariableUsage& usage, const std::string& path);

  Context& ctx_;
  FieldMergeChecker merge_;
  std::vector<FragmentState> fragments_;
  FragmentState* walking_ = nullptr;  // the fragment being walked; null in an operation's own
  const ast::OperationDefinition* operation_ = nullptr;  // null for unreached fragments
  size_t operation_index_ = kNoOperation;
  std::unordered_map<std::string_view, VariableInfo> variables_;  // the operation's
  size_t kept_path_bytes_ = 0;
  uint32_t depth_ = 0;              // selection sets and inline fragments being walked
  std::vector<uint32_t> deferred_;  // fragments met too deep to walk at once
};

}  // namespace graft::graphql::validation
