// Building a Schema: programmatically (the generated Hasura schema, action and remote types)
// or from SDL. Types may be referenced by name before they are defined; build() checks the
// whole schema (every referenced type defined, input and output positions, interface
// implementations, union members, default values parse) and freezes it. A builder belongs to
// one thread and is used once; builders of different threads may share a TypeRegistry, and the
// schemas they build then share their equal type bodies.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "graphql/schema.h"

namespace graft::graphql {

class SchemaBuilder;

// A handle on an argument list under construction (a field's or a directive's).
class ArgumentsBuilder {
 public:
  // `type` is a type reference such as "[Int!]!"; `default_literal` a constant GraphQL value
  // such as `{a: 1}` (empty: no default).
  ArgumentsBuilder& argument(std::string_view name, std::string_view type,
                             std::string_view description = {},
                             std::string_view default_literal = {});
  ArgumentsBuilder& deprecated(std::string_view reason);  // the last argument added

 private:
  friend class SchemaBuilder;
  friend class TypeBuilder;
  ArgumentsBuilder(SchemaBuilder& builder, std::vector<InputValue>& args)
      : builder_(&builder), args_(&args) {}
  SchemaBuilder* builder_;
  std::vector<InputValue>* args_;
};

// A handle on one named type; valid until the next call that adds a type to the builder.
class TypeBuilder {
 public:
  TypeBuilder& description(std::string_view text);
  TypeBuilder& tag(uint64_t value);
  TypeBuilder& specifiedByUrl(std::string_view url);  // scalars

  // Objects and interfaces. The returned handle is valid until the next field() call.
  ArgumentsBuilder field(std::string_view name, std::string_view type,
                         std::string_view description = {}, uint64_t tag = 0);
  TypeBuilder& deprecateField(std::string_view reason);  // the last field added
  TypeBuilder& implements(std::string_view interface_name);

  TypeBuilder& member(std::string_view object_name);  // unions

  TypeBuilder& value(std::string_view name, std::string_view description = {});  // enums
  TypeBuilder& deprecateValue(std::string_view reason);  // the last enum value added

  // Input objects.
  TypeBuilder& inputField(std::string_view name, std::string_view type,
                          std::string_view description = {}, std::string_view default_literal = {});
  TypeBuilder& deprecateInputField(std::string_view reason);
  bool hasInputField(std::string_view name) const;

  const std::string& name() const { return type_->name(); }
  TypeKind kind() const { return type_->kind_; }

 private:
  friend class SchemaBuilder;
  TypeBuilder(SchemaBuilder& builder, NamedType& type, TypeBody& body)
      : builder_(&builder), type_(&type), body_(&body) {}
  SchemaBuilder* builder_;
  NamedType* type_;
  TypeBody* body_;  // the builder's, until build() interns it
};

class SchemaBuilder {
 public:
  // Starts with the built-in scalars (Int, Float, String, Boolean, ID), the introspection
  // types and the directives @skip, @include, @deprecated and @specifiedBy.
  SchemaBuilder();
  // The schema's names and bodies come from `registry` (shared with other schemas); null: a
  // registry of its own.
  explicit SchemaBuilder(std::shared_ptr<TypeRegistry> registry);
  ~SchemaBuilder();
  SchemaBuilder(const SchemaBuilder&) = delete;
  SchemaBuilder& operator=(const SchemaBuilder&) = delete;

  // Defines a new type. Defining a name twice is reported by build().
  TypeBuilder scalar(std::string_view name);
  TypeBuilder object(std::string_view name);
  TypeBuilder interface(std::string_view name);
  TypeBuilder unionType(std::string_view name);
  TypeBuilder enumType(std::string_view name);
  TypeBuilder inputObject(std::string_view name);
  // An already defined type, to extend it; null when the name is not defined (yet).
  std::optional<TypeBuilder> existing(std::string_view name);
  bool isDefined(std::string_view name) const;

  ArgumentsBuilder directive(std::string_view name, std::vector<ast::DirectiveLocation> locations,
                             bool repeatable = false, std::string_view description = {});

  // Empty names leave a root absent; the query root is required.
  void setRootTypes(std::string_view query, std::string_view mutation = {},
                    std::string_view subscription = {});
  void setDescription(std::string_view text);
  void setScalarInputCheck(ScalarInputCheck check);

  // validation-failed errors name the offending type/field, e.g.
  // `field "author.posts" refers to the undefined type "post"`.
  Result<std::shared_ptr<const Schema>> build();

 private:
  friend class ArgumentsBuilder;
  friend class TypeBuilder;

  TypeBuilder define(std::string_view name, TypeKind kind);
  NamedType* reference(std::string_view name);
  TypeRef typeRef(std::string_view text);
  const ast::Value* defaultValue(std::string_view literal);
  void fail(std::string message);

  Result<void> check() const;
  void finish();
  void intern();

  std::shared_ptr<TypeRegistry> registry_;
  std::unique_ptr<Schema> schema_;
  struct Entry {
    NamedType* type = nullptr;
    std::unique_ptr<TypeBody> body;  // moved to the registry by intern()
    bool defined = false;
  };
  std::unordered_map<std::string, Entry> entries_;
  std::vector<std::string> root_names_{3};
  size_t builtin_types_ = 0;         // the first types_ entries, exempt from the "__" name rule
  std::vector<std::string> errors_;  // recorded while building, reported by build()
};

// A schema from an SDL document: `schema { ... }` or the default root names Query, Mutation,
// Subscription; extensions are applied; @deprecated and @specifiedBy are honoured, other
// directives on type-system elements are ignored. parse-failed for SDL that does not parse,
// validation-failed for a schema that does not hold together.
Result<std::shared_ptr<const Schema>> buildSchemaFromSdl(std::string_view sdl);

}  // namespace graft::graphql
