// Type-system nodes of the GraphQL syntax tree (schema, types, directives, their `extend`
// forms). A definition and its extension share one struct and differ by Kind (an extension
// has no description). Same ownership and threading rules as ast.h.
#pragma once

#include <span>
#include <string_view>

#include "graphql/ast.h"

namespace graft::graphql::ast {

enum class DirectiveLocation : uint8_t {
  // Executable locations.
  kQuery,
  kMutation,
  kSubscription,
  kField,
  kFragmentDefinition,
  kFragmentSpread,
  kInlineFragment,
  kVariableDefinition,
  // Type-system locations.
  kSchema,
  kScalar,
  kObject,
  kFieldDefinition,
  kArgumentDefinition,
  kInterface,
  kUnion,
  kEnum,
  kEnumValue,
  kInputObject,
  kInputFieldDefinition,
};
// The spec's spelling, e.g. "FIELD_DEFINITION"; parse returns false for an unknown name.
std::string_view directiveLocationName(DirectiveLocation location);
bool parseDirectiveLocation(std::string_view name, DirectiveLocation& out);

struct OperationTypeDefinition : Node {
  OperationType operation = OperationType::kQuery;
  const NamedType* type = nullptr;
  static bool is(Kind k) { return k == Kind::kOperationTypeDefinition; }
};

// kSchemaDefinition or kSchemaExtension.
struct SchemaDefinition : Definition {
  const StringValue* description = nullptr;
  List<Directive> directives;
  List<OperationTypeDefinition> operation_types;  // may be empty only in an extension
  static bool is(Kind k) { return k == Kind::kSchemaDefinition || k == Kind::kSchemaExtension; }
};

struct InputValueDefinition : Node {
  const StringValue* description = nullptr;
  std::string_view name;
  const Type* type = nullptr;
  const Value* default_value = nullptr;  // constant; null when absent
  List<Directive> directives;
  static bool is(Kind k) { return k == Kind::kInputValueDefinition; }
};

struct FieldDefinition : Node {
  const StringValue* description = nullptr;
  std::string_view name;
  List<InputValueDefinition> arguments;
  const Type* type = nullptr;
  List<Directive> directives;
  static bool is(Kind k) { return k == Kind::kFieldDefinition; }
};

struct EnumValueDefinition : Node {
  const StringValue* description = nullptr;
  std::string_view name;
  List<Directive> directives;
  static bool is(Kind k) { return k == Kind::kEnumValueDefinition; }
};

// What every named type definition (and extension) has.
struct TypeDefinition : Definition {
  const StringValue* description = nullptr;  // always null in an extension
  std::string_view name;
  List<Directive> directives;
  static bool is(Kind k) {
    return (k >= Kind::kScalarTypeDefinition && k <= Kind::kInputObjectTypeDefinition) ||
           (k >= Kind::kScalarTypeExtension && k <= Kind::kInputObjectTypeExtension);
  }
};

struct ScalarTypeDefinition : TypeDefinition {
  static bool is(Kind k) {
    return k == Kind::kScalarTypeDefinition || k == Kind::kScalarTypeExtension;
  }
};

struct ObjectTypeDefinition : TypeDefinition {
  List<NamedType> interfaces;
  List<FieldDefinition> fields;
  static bool is(Kind k) {
    return k == Kind::kObjectTypeDefinition || k == Kind::kObjectTypeExtension;
  }
};

struct InterfaceTypeDefinition : TypeDefinition {
  List<NamedType> interfaces;  // interfaces may implement interfaces (October 2021)
  List<FieldDefinition> fields;
  static bool is(Kind k) {
    return k == Kind::kInterfaceTypeDefinition || k == Kind::kInterfaceTypeExtension;
  }
};

struct UnionTypeDefinition : TypeDefinition {
  List<NamedType> types;
  static bool is(Kind k) {
    return k == Kind::kUnionTypeDefinition || k == Kind::kUnionTypeExtension;
  }
};

struct EnumTypeDefinition : TypeDefinition {
  List<EnumValueDefinition> values;
  static bool is(Kind k) { return k == Kind::kEnumTypeDefinition || k == Kind::kEnumTypeExtension; }
};

struct InputObjectTypeDefinition : TypeDefinition {
  List<InputValueDefinition> fields;
  static bool is(Kind k) {
    return k == Kind::kInputObjectTypeDefinition || k == Kind::kInputObjectTypeExtension;
  }
};

struct DirectiveDefinition : Definition {
  const StringValue* description = nullptr;
  std::string_view name;  // without the `@`
  List<InputValueDefinition> arguments;
  bool repeatable = false;
  std::span<const DirectiveLocation> locations;  // never empty
  static bool is(Kind k) { return k == Kind::kDirectiveDefinition; }
};

}  // namespace graft::graphql::ast
