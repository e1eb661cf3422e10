#include "graphql/schema_builder.h"

#include <algorithm>
#include <set>

#include "graphql/concat.h"
#include "graphql/parser.h"
#include "graphql/schema_sdl_internal.h"
#include "graphql/type_registry.h"

namespace graft::graphql {

// ---- ArgumentsBuilder ----

ArgumentsBuilder& ArgumentsBuilder::argument(std::string_view name, std::string_view type,
                                             std::string_view description,
                                             std::string_view default_literal) {
  InputValue& arg = args_->emplace_back();
  arg.name = name;
  arg.description = description;
  arg.type = builder_->typeRef(type);
  arg.default_value = builder_->defaultValue(default_literal);
  return *this;
}

ArgumentsBuilder& ArgumentsBuilder::deprecated(std::string_view reason) {
  if (!args_->empty()) args_->back().deprecation = {true, std::string(reason)};
  return *this;
}

// ---- TypeBuilder ----

namespace {

std::string kindMismatch(const NamedType& type, std::string_view what) {
  return concat(
      {"type \"", type.name(), "\" is a ", typeKindName(type.kind()), " and cannot have ", what});
}

}  // namespace

TypeBuilder& TypeBuilder::description(std::string_view text) {
  body_->description = text;
  return *this;
}

TypeBuilder& TypeBuilder::tag(uint64_t value) {
  body_->tag = value;
  return *this;
}

TypeBuilder& TypeBuilder::specifiedByUrl(std::string_view url) {
  if (type_->kind_ != TypeKind::kScalar) builder_->fail(kindMismatch(*type_, "@specifiedBy"));
  body_->specified_by_url = url;
  return *this;
}

ArgumentsBuilder TypeBuilder::field(std::string_view name, std::string_view type,
                                    std::string_view description, uint64_t tag) {
  if (type_->kind_ != TypeKind::kObject && type_->kind_ != TypeKind::kInterface) {
    builder_->fail(kindMismatch(*type_, "fields"));
  }
  Field& field = body_->fields.emplace_back();
  field.name = name;
  field.description = description;
  field.type = builder_->typeRef(type);
  field.tag = tag;
  return ArgumentsBuilder(*builder_, field.arguments);
}

TypeBuilder& TypeBuilder::deprecateField(std::string_view reason) {
  if (!body_->fields.empty()) body_->fields.back().deprecation = {true, std::string(reason)};
  return *this;
}

TypeBuilder& TypeBuilder::implements(std::string_view interface_name) {
  if (type_->kind_ != TypeKind::kObject && type_->kind_ != TypeKind::kInterface) {
    builder_->fail(kindMismatch(*type_, "interfaces"));
  }
  type_->related().interfaces.push_back(builder_->reference(interface_name));
  return *this;
}

TypeBuilder& TypeBuilder::member(std::string_view object_name) {
  if (type_->kind_ != TypeKind::kUnion) builder_->fail(kindMismatch(*type_, "members"));
  type_->related().possible_types.push_back(builder_->reference(object_name));
  return *this;
}

TypeBuilder& TypeBuilder::value(std::string_view name, std::string_view description) {
  if (type_->kind_ != TypeKind::kEnum) builder_->fail(kindMismatch(*type_, "enum values"));
  EnumValue& value = body_->enum_values.emplace_back();
  value.name = name;
  value.description = description;
  return *this;
}

TypeBuilder& TypeBuilder::deprecateValue(std::string_view reason) {
  if (!body_->enum_values.empty()) {
    body_->enum_values.back().deprecation = {true, std::string(reason)};
  }
  return *this;
}

TypeBuilder& TypeBuilder::inputField(std::string_view name, std::string_view type,
                                     std::string_view description,
                                     std::string_view default_literal) {
  if (type_->kind_ != TypeKind::kInputObject) builder_->fail(kindMismatch(*type_, "input fields"));
  ArgumentsBuilder(*builder_, body_->input_fields)
      .argument(name, type, description, default_literal);
  return *this;
}

bool TypeBuilder::hasInputField(std::string_view name) const {
  return std::ranges::any_of(body_->input_fields,
                             [&](const InputValue& field) { return field.name == name; });
}

TypeBuilder& TypeBuilder::deprecateInputField(std::string_view reason) {
  ArgumentsBuilder(*builder_, body_->input_fields).deprecated(reason);
  return *this;
}

// ---- SchemaBuilder ----

SchemaBuilder::SchemaBuilder() : SchemaBuilder(nullptr) {}

SchemaBuilder::SchemaBuilder(std::shared_ptr<TypeRegistry> registry)
    : registry_(registry ? std::move(registry) : std::make_shared<TypeRegistry>()),
      schema_(new Schema()) {
  schema_->registry_ = registry_;
  schema_->arena_ = std::make_shared<Arena>();
  detail::applyBuiltins(*this);
  builtin_types_ = schema_->types_.size();
}

SchemaBuilder::~SchemaBuilder() = default;

void SchemaBuilder::fail(std::string message) { errors_.push_back(std::move(message)); }

NamedType* SchemaBuilder::reference(std::string_view name) {
  auto [it, inserted] = entries_.try_emplace(std::string(name));
  if (inserted) {
    NamedType& type = schema_->owned_types_.emplace_back();
    type.name_ = registry_->name(name);
    it->second.body = std::make_unique<TypeBody>();
    type.body_ = it->second.body.get();
    it->second.type = &type;
  }
  return it->second.type;
}

TypeBuilder SchemaBuilder::define(std::string_view name, TypeKind kind) {
  NamedType* type = reference(name);
  Entry& entry = entries_.find(std::string(name))->second;
  if (entry.defined) {
    fail(concat({"type \"", name, "\" is defined more than once"}));
  } else {
    entry.defined = true;
    type->kind_ = kind;
    entry.body->kind = kind;
    schema_->types_.push_back(type);
  }
  return TypeBuilder(*this, *type, *entry.body);
}

TypeBuilder SchemaBuilder::scalar(std::string_view name) { return define(name, TypeKind::kScalar); }
TypeBuilder SchemaBuilder::object(std::string_view name) { return define(name, TypeKind::kObject); }
TypeBuilder SchemaBuilder::interface(std::string_view name) {
  return define(name, TypeKind::kInterface);
}
TypeBuilder SchemaBuilder::unionType(std::string_view name) {
  return define(name, TypeKind::kUnion);
}
TypeBuilder SchemaBuilder::enumType(std::string_view name) { return define(name, TypeKind::kEnum); }
TypeBuilder SchemaBuilder::inputObject(std::string_view name) {
  return define(name, TypeKind::kInputObject);
}

std::optional<TypeBuilder> SchemaBuilder::existing(std::string_view name) {
  auto found = entries_.find(std::string(name));
  if (found == entries_.end() || !found->second.defined) return std::nullopt;
  return TypeBuilder(*this, *found->second.type, *found->second.body);
}

bool SchemaBuilder::isDefined(std::string_view name) const {
  auto found = entries_.find(std::string(name));
  return found != entries_.end() && found->second.defined;
}

ArgumentsBuilder SchemaBuilder::directive(std::string_view name,
                                          std::vector<ast::DirectiveLocation> locations,
                                          bool repeatable, std::string_view description) {
  for (const DirectiveDef* existing : schema_->directives_) {
    if (existing->name == name)
      fail(concat({"directive \"@", name, "\" is defined more than once"}));
  }
  auto directive = std::make_unique<DirectiveDef>();
  directive->name = name;
  directive->description = description;
  directive->locations = std::move(locations);
  directive->repeatable = repeatable;
  DirectiveDef* raw = directive.get();
  schema_->directives_.push_back(raw);
  schema_->owned_directives_.push_back(std::move(directive));
  return ArgumentsBuilder(*this, raw->arguments);
}

void SchemaBuilder::setRootTypes(std::string_view query, std::string_view mutation,
                                 std::string_view subscription) {
  root_names_ = {std::string(query), std::string(mutation), std::string(subscription)};
}

void SchemaBuilder::setDescription(std::string_view text) { schema_->description_ = text; }

void SchemaBuilder::setScalarInputCheck(ScalarInputCheck check) {
  schema_->scalar_input_check_ = check;
}

TypeRef SchemaBuilder::typeRef(std::string_view text) {
  // [ ... [ Name !? ] !? ... ] !?  — whitespace is not allowed; callers pass canonical text.
  size_t pos = 0;
  uint32_t depth = 0;
  while (pos < text.size() && text[pos] == '[') ++pos, ++depth;
  size_t name_end = pos;
  while (name_end < text.size() && text[name_end] != '!' && text[name_end] != ']') ++name_end;
  std::string_view name = text.substr(pos, name_end - pos);
  bool valid_name = !name.empty() && depth <= TypeRef::kMaxListDepth;
  for (char c : name) {
    bool name_char =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    valid_name = valid_name && name_char;
  }
  if (!valid_name) {
    fail(concat({"invalid type reference \"", text, "\""}));
    return TypeRef(reference("String"));
  }
  TypeRef ref(reference(name));
  pos = name_end;
  if (pos < text.size() && text[pos] == '!') ref = ref.nonNull(), ++pos;
  for (uint32_t level = 0; level < depth; ++level) {
    if (pos >= text.size() || text[pos] != ']') {
      fail(concat({"invalid type reference \"", text, "\""}));
      return ref;
    }
    ref = ref.listOf();
    ++pos;
    if (pos < text.size() && text[pos] == '!') ref = ref.nonNull(), ++pos;
  }
  if (pos != text.size()) fail(concat({"invalid type reference \"", text, "\""}));
  return ref;
}

const ast::Value* SchemaBuilder::defaultValue(std::string_view literal) {
  if (literal.empty()) return nullptr;
  std::string_view copy = schema_->arena_->copyString(literal);
  auto parsed = parseValue(copy, *schema_->arena_, /*is_const=*/true);
  if (!parsed) {
    fail(concat({"invalid default value \"", literal, "\": ", parsed.error().describe()}));
    return nullptr;
  }
  return *parsed;
}

}  // namespace graft::graphql
