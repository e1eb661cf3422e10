// The validation rules of the October 2021 spec (section 5), one file each in this folder
// (the spec's section number is beside each). Document-level rules look at the whole document
// and report at `$` or at a path they build; the others are called by the typed walk
// (walker.h) on the node they check, with ctx.path() pointing at it. Every rule reports through
// the Context and returns early once it is done(). One thread.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/ast.h"
#include "graphql/ast_type_system.h"
#include "graphql/schema.h"
#include "graphql/validation/context.h"

namespace graft::graphql::validation {

// ---- Document-level rules; validate() runs them in this order before the typed walk ----

void checkExecutableDefinitions(Context& ctx);        // 5.1.1
void checkUniqueOperationNames(Context& ctx);         // 5.2.1.1
void checkLoneAnonymousOperation(Context& ctx);       // 5.2.2.1
void checkUniqueFragmentNames(Context& ctx);          // 5.5.1.1
void checkFragmentDefinitionTypes(Context& ctx);      // 5.5.1.2, 5.5.1.3 (definitions)
void checkKnownFragmentNames(Context& ctx);           // 5.5.2.1
void checkNoFragmentCycles(Context& ctx);             // 5.5.2.2
void checkNoUnusedFragments(Context& ctx);            // 5.5.1.4
void checkUniqueVariableNames(Context& ctx);          // 5.8.1
void checkVariablesAreInputTypes(Context& ctx);       // 5.8.2
void checkAllVariableUsesDefined(Context& ctx);       // 5.8.3
void checkAllVariablesUsed(Context& ctx);             // 5.8.4
void checkSubscriptionSingleRootField(Context& ctx);  // 5.2.3.1

// ---- Rules the typed walk calls ----

// The operation's root type, or null after reporting that the schema has none, in Hasura's
// words (`no mutations exist`). Not a section-5 rule: it is how GetOperation fails (6.1).
const NamedType* checkOperationType(Context& ctx, const ast::OperationDefinition& operation);

// 5.3.1: the field's definition (meta-fields included), or null after reporting it. Called
// at the field's path.
const Field* checkFieldOnCorrectType(Context& ctx, const NamedType& parent,
                                     const ast::Field& field);

// 5.3.3: false after reporting a selection set on a leaf field or none on a composite one.
// Called at the field's path.
bool checkLeafFieldSelection(Context& ctx, const Field& definition, const ast::Field& field);

// 5.4.1: `owner` is the field or directive name. Called at the owner's path.
void checkKnownArgumentNames(Context& ctx, std::string_view owner,
                             std::span<const InputValue> definitions,
                             ast::List<ast::Argument> arguments);

// 5.4.2: called at the owner's path.
void checkUniqueArgumentNames(Context& ctx, ast::List<ast::Argument> arguments);

// 5.4.2.1: false after reporting a required argument that is missing (`given` null) or given
// the null literal. Called at the argument's path (`...args.<name>`).
bool checkRequiredArgument(Context& ctx, const InputValue& definition, const ast::Argument* given);

// 5.5.1.2: the type a type condition names, or null after reporting it unknown.
const NamedType* checkFragmentTypeExists(Context& ctx, const ast::NamedType& condition);

// 5.5.1.2 and 5.5.1.3 for inline fragments: the type condition's type, or null after
// reporting an unknown or non-composite type.
const NamedType* checkInlineFragmentType(Context& ctx, const ast::NamedType& condition);

// 5.5.2.3, at the path of the selection set holding the spread or inline fragment.
void checkFragmentSpreadPossible(Context& ctx, const NamedType& parent,
                                 const ast::FragmentSpread& spread, const NamedType& fragment_type);
void checkInlineFragmentPossible(Context& ctx, const NamedType& parent,
                                 const NamedType& fragment_type);

// A variable met inside a literal, with what 5.8.5 needs to know about where it stands.
struct VariableUsage {
  const ast::Variable* variable;
  TypeRef location;           // the type expected where the variable stands
  bool location_has_default;  // it stands for an argument or input field with a default
};

// Receives the variables met by checkValue, while ctx.path() is theirs. An interface rather than
// a list of usages with their paths: a document can hold many variables deep down, and copying
// the path for each would take memory quadratic in the document's size.
class VariableSink {
 public:
  virtual void use(const VariableUsage& usage) = 0;

 protected:
  ~VariableSink() = default;
};

// Where a literal stands.
struct ValueSite {
  std::string_view name;              // the argument, input field or variable, for messages
  bool has_default = false;           // the argument or input field has a default value
  VariableSink* variables = nullptr;  // receives the variables met; null: ignored
};

// 5.6.1, with the input object rules below for object literals. Called at the value's path.
void checkValue(Context& ctx, const ast::Value& value, TypeRef type, const ValueSite& site);
// The message for the null literal where `type` (non-null) is expected; shared with 5.4.2.1
// and 5.6.4.
std::string nullForNonNullMessage(TypeRef type);

// 5.6.2: unknown fields of an input object literal, each at `<path>.<field>`.
void checkInputObjectFieldNames(Context& ctx, const NamedType& type,
                                const ast::ObjectValue& object);
// 5.6.3: at the object's path.
void checkInputObjectFieldUniqueness(Context& ctx, const NamedType& type,
                                     const ast::ObjectValue& object);
// 5.6.4: false after reporting a required field that is missing or null. Called at the
// field's path.
bool checkInputObjectRequiredField(Context& ctx, const InputValue& definition,
                                   const ast::ObjectField* given);

// 5.7.1: the directive's definition, or null after reporting it.
const DirectiveDef* checkDirectiveDefined(Context& ctx, const ast::Directive& directive);
// 5.7.2: false after reporting.
bool checkDirectiveLocation(Context& ctx, const DirectiveDef& definition,
                            ast::DirectiveLocation location);
// 5.7.3: the directives of one location.
void checkDirectivesUniquePerLocation(Context& ctx, ast::List<ast::Directive> directives);

// 5.8.5: reports at `path`, where the variable stands. REQUIRES: the variable's type resolved
// and is an input type.
void checkVariableUsageAllowed(Context& ctx, const ast::VariableDefinition& definition,
                               TypeRef variable_type, const VariableUsage& usage,
                               const std::string& path);

// 5.3.2 (field selection merging) keeps caches across the walk: overlapping_fields.h.

}  // namespace graft::graphql::validation
