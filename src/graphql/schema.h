// The schema model: named types, fields, arguments, enum values, directives; what validation,
// coercion, normalisation and introspection read. A Schema is built once (SchemaBuilder or
// buildSchemaFromSdl), is immutable afterwards and is shared between threads through
// shared_ptr<const Schema>; every pointer it hands out lives as long as the Schema.
// A type's content (its TypeBody) names other types by TypeName, never by pointer, so schemas
// built with one TypeRegistry (type_registry.h) share the bodies they have in common; a
// Schema resolves a TypeRef to its own NamedType with named().
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "graphql/arena.h"
#include "graphql/ast.h"

namespace boost::json {
class value;
}
#include "graphql/ast_type_system.h"

namespace graft::graphql {

enum class TypeKind : uint8_t { kScalar, kObject, kInterface, kUnion, kEnum, kInputObject };
// "SCALAR", "OBJECT", ... as in __TypeKind.
std::string_view typeKindName(TypeKind kind);

class NamedType;
class TypeRegistry;

// A type name as a TypeRegistry knows it: the same object for the same name in every schema
// built with the registry, with a small id that indexes Schema's table of its own types.
struct TypeName {
  std::string name;
  uint32_t id = 0;
};

// A reference to a type with its list and non-null wrappers, e.g. `[Int!]!`: level 0 is the
// outermost, level `list_depth` is the named type. Names the type rather than pointing at it,
// so that it means the same in every schema of a registry: Schema::named() resolves it.
// Trivially copyable.
class TypeRef {
 public:
  static constexpr uint8_t kMaxListDepth = 31;

  TypeRef() = default;
  explicit TypeRef(const TypeName* name) : name_(name) {}
  // The reference to `named` (null: an invalid reference).
  explicit TypeRef(const NamedType* named);

  bool valid() const { return name_ != nullptr; }
  // The named type's name and id. REQUIRES: valid().
  const std::string& namedName() const { return name_->name; }
  uint32_t namedId() const { return name_->id; }
  const TypeName* typeName() const { return name_; }
  // Whether both name the same type, whatever their wrappers.
  bool sameNamed(const TypeRef& other) const { return name_ == other.name_; }
  bool isNonNull() const { return (non_null_mask_ & 1u) != 0; }
  bool isList() const { return !isNonNull() && list_depth_ > 0; }
  // Wrapped in at least one list at any level.
  bool hasList() const { return list_depth_ > 0; }
  uint8_t listDepth() const { return list_depth_; }
  // Bit i: level i is non-null (the wrappers, for hashing).
  uint32_t nonNullMask() const { return non_null_mask_; }

  // The type inside the outermost wrapper: T for T!, T for [T]. REQUIRES: isNonNull() or
  // isList().
  TypeRef ofType() const;
  TypeRef nullable() const { return isNonNull() ? ofType() : *this; }
  TypeRef nonNull() const;
  TypeRef listOf() const;  // REQUIRES: list depth below kMaxListDepth

  friend bool operator==(const TypeRef&, const TypeRef&) = default;

  // `[Int!]!`
  std::string toString() const;
  void appendTo(std::string& out) const;

 private:
  const TypeName* name_ = nullptr;
  uint32_t non_null_mask_ = 0;  // bit i: level i is non-null
  uint8_t list_depth_ = 0;
};

struct Deprecation {
  bool deprecated = false;
  std::string reason;  // meaningful only when deprecated
};

// An argument or an input object field.
struct InputValue {
  std::string name;
  std::string description;
  TypeRef type;
  // A constant value in the schema's arena; null when there is no default.
  const ast::Value* default_value = nullptr;
  Deprecation deprecation;
};

class Field {
 public:
  std::string name;
  std::string description;
  std::vector<InputValue> arguments;
  TypeRef type;
  Deprecation deprecation;
  // Opaque to this module: the layer that builds the schema uses it to find what the field
  // stands for (a table, a root field kind, ...) without a second lookup by name. Part of the
  // field's content, so it must mean the same in every schema sharing a registry.
  uint64_t tag = 0;

  const InputValue* findArgument(std::string_view arg_name) const;
};

struct EnumValue {
  std::string name;
  std::string description;
  Deprecation deprecation;
};

// What a named type holds besides its name and, for objects, interfaces and unions, the
// types related to it: the schema-independent part, interned by TypeRegistry so that equal
// bodies of schemas sharing a registry are stored once. Immutable once interned.
struct TypeBody {
  TypeKind kind = TypeKind::kScalar;
  std::string description;
  std::string specified_by_url;
  uint64_t tag = 0;
  std::vector<Field> fields;
  std::vector<EnumValue> enum_values;
  std::vector<InputValue> input_fields;
  // Name → position in fields / enum_values / input_fields, for the larger types only
  // (linear search is faster below kIndexThreshold entries). Derived: not part of equality.
  std::unordered_map<std::string_view, uint32_t> index;
};

class NamedType {
 public:
  TypeKind kind() const { return kind_; }
  const std::string& name() const { return name_->name; }
  const TypeName& typeName() const { return *name_; }
  const std::string& description() const { return body_->description; }
  const std::string& specifiedByUrl() const { return body_->specified_by_url; }  // scalars
  uint64_t tag() const { return body_->tag; }

  bool isLeaf() const { return kind_ == TypeKind::kScalar || kind_ == TypeKind::kEnum; }
  bool isComposite() const {
    return kind_ == TypeKind::kObject || kind_ == TypeKind::kInterface || kind_ == TypeKind::kUnion;
  }
  bool isAbstract() const { return kind_ == TypeKind::kInterface || kind_ == TypeKind::kUnion; }
  bool isInput() const {
    return kind_ == TypeKind::kScalar || kind_ == TypeKind::kEnum ||
           kind_ == TypeKind::kInputObject;
  }
  bool isOutput() const { return kind_ != TypeKind::kInputObject; }

  // Objects and interfaces, in declaration order.
  std::span<const Field> fields() const { return body_->fields; }
  const Field* findField(std::string_view field_name) const;
  // Objects and interfaces: the interfaces this type implements.
  std::span<const NamedType* const> interfaces() const {
    if (related_ == nullptr) return {};
    return related_->interfaces;
  }
  // Unions: their members; interfaces: the object types implementing them (definition order).
  std::span<const NamedType* const> possibleTypes() const {
    if (related_ == nullptr) return {};
    return related_->possible_types;
  }
  bool isPossibleType(const NamedType& object) const;
  // Enums.
  std::span<const EnumValue> enumValues() const { return body_->enum_values; }
  const EnumValue* findEnumValue(std::string_view value_name) const;
  // Input objects.
  std::span<const InputValue> inputFields() const { return body_->input_fields; }
  const InputValue* findInputField(std::string_view field_name) const;

  // The body, possibly shared with other schemas of the same registry.
  const TypeBody& body() const { return *body_; }

 private:
  friend class SchemaBuilder;
  friend class TypeBuilder;

  // Interfaces and possible types, which most types do not have: made on first use, so that a
  // schema of thousands of types keeps a small NamedType per type besides the shared bodies.
  struct Related {
    std::vector<const NamedType*> interfaces;
    std::vector<const NamedType*> possible_types;
  };
  Related& related() {
    if (related_ == nullptr) related_ = std::make_unique<Related>();
    return *related_;
  }

  TypeKind kind_ = TypeKind::kScalar;
  const TypeName* name_ = nullptr;
  const TypeBody* body_ = nullptr;
  std::unique_ptr<Related> related_;
};

inline TypeRef::TypeRef(const NamedType* named)
    : name_(named == nullptr ? nullptr : &named->typeName()) {}

struct DirectiveDef {
  std::string name;
  std::string description;
  std::vector<InputValue> arguments;
  std::vector<ast::DirectiveLocation> locations;
  bool repeatable = false;

  const InputValue* findArgument(std::string_view arg_name) const;
  bool allowedAt(ast::DirectiveLocation location) const;
};

// A check its owner adds to the input coercion of a schema's custom scalars (Hasura's GeoJSON
// for geometry, for one): the error for a value of `scalar` it rejects, at `path`.
using ScalarInputCheck = Status (*)(const NamedType& scalar, const boost::json::value& value,
                                    const std::string& path);

class Schema {
 public:
  const NamedType* queryType() const { return query_; }
  const NamedType* mutationType() const { return mutation_; }  // null when absent
  const NamedType* subscriptionType() const { return subscription_; }
  const NamedType* rootType(ast::OperationType operation) const;
  const std::string& description() const { return description_; }
  // Null when custom scalars take any JSON value.
  ScalarInputCheck scalarInputCheck() const { return scalar_input_check_; }

  const NamedType* findType(std::string_view name) const;
  // The type a reference of this schema names. REQUIRES: ref.valid(), and ref comes from this
  // schema (its fields, arguments, resolve()).
  const NamedType& named(TypeRef ref) const { return *by_id_[ref.namedId()]; }
  // Every named type in definition order: the built-in scalars and introspection types
  // first, then the schema's own.
  std::span<const NamedType* const> types() const { return types_; }
  // The type a document's type reference names, e.g. of a variable definition; !valid() when
  // the named type is not in the schema or the lists nest deeper than kMaxListDepth.
  TypeRef resolve(const ast::Type& type) const;
  const DirectiveDef* findDirective(std::string_view name) const;
  std::span<const DirectiveDef* const> directives() const { return directives_; }

  // The spec's "is sub-type" for output types: same named type, or an object possible for an
  // abstract type, or an interface implementing an interface.
  bool isSubType(const NamedType& abstract, const NamedType& maybe_sub) const;
  // Output types: do the two composite types share at least one possible object type?
  bool overlap(const NamedType& a, const NamedType& b) const;

  // The fields every composite type has besides its own (`__typename`), and those of the
  // query root (`__schema`, `__type`).
  const Field& typenameField() const { return *typename_field_; }
  const Field& schemaField() const { return *schema_field_; }
  const Field& typeField() const { return *type_field_; }
  // findField plus the introspection meta-fields allowed on `parent`.
  const Field* findFieldIncludingMeta(const NamedType& parent, std::string_view name) const;

  // True for the built-in scalars, introspection types and built-in directives, which
  // printSchema leaves out.
  static bool isBuiltinType(std::string_view name);
  static bool isBuiltinDirective(std::string_view name);

 private:
  friend class SchemaBuilder;

  // The registry this schema was built with, which owns the bodies and type names it uses.
  std::shared_ptr<TypeRegistry> registry_;
  std::shared_ptr<Arena> arena_;         // default values; kept by the registry once shared
  std::deque<NamedType> owned_types_;    // every type defined or referenced, in a few blocks
  std::vector<const NamedType*> by_id_;  // TypeName::id → this schema's type (null: none)
  std::vector<std::unique_ptr<DirectiveDef>> owned_directives_;
  std::vector<const NamedType*> types_;
  std::vector<const DirectiveDef*> directives_;
  // The defined types by name: open addressing on std::hash of the name, a power of two at
  // least twice the number of types, null where free.
  std::vector<const NamedType*> types_by_name_;
  const NamedType* query_ = nullptr;
  const NamedType* mutation_ = nullptr;
  const NamedType* subscription_ = nullptr;
  std::string description_;
  ScalarInputCheck scalar_input_check_ = nullptr;
  std::unique_ptr<Field> typename_field_;
  std::unique_ptr<Field> schema_field_;
  std::unique_ptr<Field> type_field_;
};

}  // namespace graft::graphql
