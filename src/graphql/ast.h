// The GraphQL syntax tree (October 2021 spec): the node base, values, type references,
// directives and the executable definitions; the type-system nodes are in ast_type_system.h.
// Nodes live in an Arena and are immutable once parsed; names and strings are views into
// the source text (or into the arena when unescaped), so both must outlive the tree.
// Read-only trees may be shared between threads.
#pragma once

#include <cassert>
#include <cstdint>
#include <span>
#include <string_view>

namespace graft::graphql::ast {

// 1-based; the column counts Unicode code points, not bytes.
struct Location {
  uint32_t line = 0;
  uint32_t column = 0;
  friend bool operator==(const Location&, const Location&) = default;
};

enum class Kind : uint8_t {
  // Values.
  kVariable,
  kIntValue,
  kFloatValue,
  kStringValue,
  kBooleanValue,
  kNullValue,
  kEnumValue,
  kListValue,
  kObjectValue,
  // Type references.
  kNamedType,
  kListType,
  kNonNullType,
  // Selections.
  kField,
  kFragmentSpread,
  kInlineFragment,
  // Definitions: executable, then type system, then type-system extensions.
  kOperationDefinition,
  kFragmentDefinition,
  kSchemaDefinition,
  kScalarTypeDefinition,
  kObjectTypeDefinition,
  kInterfaceTypeDefinition,
  kUnionTypeDefinition,
  kEnumTypeDefinition,
  kInputObjectTypeDefinition,
  kDirectiveDefinition,
  kSchemaExtension,
  kScalarTypeExtension,
  kObjectTypeExtension,
  kInterfaceTypeExtension,
  kUnionTypeExtension,
  kEnumTypeExtension,
  kInputObjectTypeExtension,
  // Parts.
  kDocument,
  kArgument,
  kObjectField,
  kDirective,
  kVariableDefinition,
  kOperationTypeDefinition,
  kFieldDefinition,
  kInputValueDefinition,
  kEnumValueDefinition,
};

struct Node {
  Kind kind;
  Location loc;
};

// Lists are arrays of node pointers in the arena; an empty list is also "absent" (the grammar
// never allows an empty selection set, argument list, ... where the element is optional).
template <typename T>
using List = std::span<const T* const>;

// LLVM-style checked casts: every node struct has `static bool is(Kind)`.
template <typename T>
const T* dynCast(const Node* node) {
  return node != nullptr && T::is(node->kind) ? static_cast<const T*>(node) : nullptr;
}
// REQUIRES: T::is(node.kind); a wrong cast is a bug in Graft, never a reaction to input.
template <typename T>
const T& cast(const Node& node) {
  assert(T::is(node.kind));
  return static_cast<const T&>(node);
}

// ---- Values ----

struct Value : Node {
  static bool is(Kind k) { return k <= Kind::kObjectValue; }
};

struct Variable : Value {
  std::string_view name;  // without the `$`
  static bool is(Kind k) { return k == Kind::kVariable; }
};

// Numbers keep their source text: range checks belong to the scalar that coerces them.
struct IntValue : Value {
  std::string_view text;
  static bool is(Kind k) { return k == Kind::kIntValue; }
};

struct FloatValue : Value {
  std::string_view text;
  static bool is(Kind k) { return k == Kind::kFloatValue; }
};

struct StringValue : Value {
  std::string_view value;  // unescaped (and, for block strings, dedented) UTF-8
  bool block = false;      // written as """block string"""
  static bool is(Kind k) { return k == Kind::kStringValue; }
};

struct BooleanValue : Value {
  bool value = false;
  static bool is(Kind k) { return k == Kind::kBooleanValue; }
};

struct NullValue : Value {
  static bool is(Kind k) { return k == Kind::kNullValue; }
};

struct EnumValue : Value {
  std::string_view value;
  static bool is(Kind k) { return k == Kind::kEnumValue; }
};

struct ListValue : Value {
  List<Value> values;
  static bool is(Kind k) { return k == Kind::kListValue; }
};

struct ObjectField : Node {
  std::string_view name;
  const Value* value = nullptr;
  static bool is(Kind k) { return k == Kind::kObjectField; }
};

struct ObjectValue : Value {
  List<ObjectField> fields;
  static bool is(Kind k) { return k == Kind::kObjectValue; }
};

// ---- Type references ----

struct Type : Node {
  static bool is(Kind k) { return k >= Kind::kNamedType && k <= Kind::kNonNullType; }
};

struct NamedType : Type {
  std::string_view name;
  static bool is(Kind k) { return k == Kind::kNamedType; }
};

struct ListType : Type {
  const Type* type = nullptr;
  static bool is(Kind k) { return k == Kind::kListType; }
};

// The grammar guarantees `type` is a NamedType or a ListType.
struct NonNullType : Type {
  const Type* type = nullptr;
  static bool is(Kind k) { return k == Kind::kNonNullType; }
};

// ---- Directives and arguments ----

struct Argument : Node {
  std::string_view name;
  const Value* value = nullptr;
  static bool is(Kind k) { return k == Kind::kArgument; }
};

struct Directive : Node {
  std::string_view name;  // without the `@`
  List<Argument> arguments;
  static bool is(Kind k) { return k == Kind::kDirective; }
};

// ---- Selections ----

struct Selection : Node {
  static bool is(Kind k) { return k >= Kind::kField && k <= Kind::kInlineFragment; }
};

struct Field : Selection {
  std::string_view alias;  // empty when there is none
  std::string_view name;
  List<Argument> arguments;
  List<Directive> directives;
  List<Selection> selection_set;  // empty for a leaf field
  std::string_view responseKey() const { return alias.empty() ? name : alias; }
  static bool is(Kind k) { return k == Kind::kField; }
};

struct FragmentSpread : Selection {
  std::string_view name;
  List<Directive> directives;
  static bool is(Kind k) { return k == Kind::kFragmentSpread; }
};

struct InlineFragment : Selection {
  const NamedType* type_condition = nullptr;  // null for `... @include(if: $x) { ... }`
  List<Directive> directives;
  List<Selection> selection_set;  // never empty
  static bool is(Kind k) { return k == Kind::kInlineFragment; }
};

// ---- Definitions ----

struct Definition : Node {
  static bool is(Kind k) {
    return k >= Kind::kOperationDefinition && k <= Kind::kInputObjectTypeExtension;
  }
  bool isExecutable() const { return kind <= Kind::kFragmentDefinition; }
  bool isExtension() const {
    return kind >= Kind::kSchemaExtension && kind <= Kind::kInputObjectTypeExtension;
  }
};

enum class OperationType : uint8_t { kQuery, kMutation, kSubscription };
std::string_view operationTypeName(OperationType type);

struct VariableDefinition : Node {
  const Variable* variable = nullptr;
  const Type* type = nullptr;
  const Value* default_value = nullptr;  // constant; null when absent
  List<Directive> directives;
  static bool is(Kind k) { return k == Kind::kVariableDefinition; }
};

struct OperationDefinition : Definition {
  OperationType operation = OperationType::kQuery;
  std::string_view name;  // empty for an anonymous operation
  List<VariableDefinition> variable_definitions;
  List<Directive> directives;
  List<Selection> selection_set;  // never empty
  static bool is(Kind k) { return k == Kind::kOperationDefinition; }
};

struct FragmentDefinition : Definition {
  std::string_view name;
  const NamedType* type_condition = nullptr;  // never null
  List<Directive> directives;
  List<Selection> selection_set;  // never empty
  static bool is(Kind k) { return k == Kind::kFragmentDefinition; }
};

struct Document : Node {
  List<Definition> definitions;  // never empty
  static bool is(Kind k) { return k == Kind::kDocument; }
};

}  // namespace graft::graphql::ast
