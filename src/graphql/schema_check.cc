// SchemaBuilder::build: the checks of the spec's "Type Validation" sub-sections that a schema
// must pass before anything is served from it, then the derived indexes (possible types of
// interfaces, name indexes, the introspection meta-fields).
#include <algorithm>
#include <array>
#include <ranges>
#include <span>
#include <unordered_set>

#include "graphql/concat.h"
#include "graphql/schema_builder.h"
#include "graphql/type_registry.h"

namespace graft::graphql {

namespace {

constexpr size_t kIndexThreshold = 12;  // as in schema.cc

bool reservedName(std::string_view name) { return name.starts_with("__"); }

// The first name that `items` (each named by `name_of`) repeat; empty when all differ. Hashed,
// so that a root type with thousands of fields is checked in linear time.
template <class Items, class NameOf>
std::string_view firstRepeatedName(const Items& items, NameOf name_of) {
  std::unordered_set<std::string_view> seen;
  seen.reserve(items.size());
  for (const auto& item : items) {
    std::string_view name = name_of(item);
    if (!seen.insert(name).second) return name;
  }
  return {};
}

std::string checkArguments(const Schema& schema, std::span<const InputValue> args,
                           std::string_view owner) {
  std::string_view repeated =
      firstRepeatedName(args, [](const InputValue& arg) -> std::string_view { return arg.name; });
  for (size_t i = 0; i < args.size(); ++i) {
    const InputValue& arg = args[i];
    if (!schema.named(arg.type).isInput()) {
      return concat({"argument \"", arg.name, "\" of ", owner, " must be an input type, not \"",
                     arg.type.toString(), "\""});
    }
    if (arg.name == repeated) {
      return concat({"argument \"", arg.name, "\" of ", owner, " is defined more than once"});
    }
    if (arg.deprecation.deprecated && arg.type.isNonNull() && arg.default_value == nullptr) {
      return concat({"required argument \"", arg.name, "\" of ", owner, " cannot be deprecated"});
    }
  }
  return {};
}

// The spec's IsValidImplementationFieldType: covariant output types.
bool validImplementationType(const Schema& schema, TypeRef field, TypeRef required) {
  if (required.isNonNull()) {
    return field.isNonNull() && validImplementationType(schema, field.ofType(), required.ofType());
  }
  if (field.isNonNull()) return validImplementationType(schema, field.ofType(), required);
  if (required.isList()) {
    return field.isList() && validImplementationType(schema, field.ofType(), required.ofType());
  }
  if (field.isList()) return false;
  return schema.isSubType(schema.named(required), schema.named(field));
}

std::string checkImplementation(const Schema& schema, const NamedType& type,
                                const NamedType& interface) {
  if (interface.kind() != TypeKind::kInterface) {
    return concat({"type \"", type.name(), "\" can only implement interfaces, \"", interface.name(),
                   "\" is a ", typeKindName(interface.kind())});
  }
  if (&interface == &type) return concat({"type \"", type.name(), "\" cannot implement itself"});
  for (const NamedType* transitive : interface.interfaces()) {
    if (std::ranges::find(type.interfaces(), transitive) == type.interfaces().end()) {
      return concat({"type \"", type.name(), "\" must implement \"", transitive->name(),
                     "\" because it is implemented by \"", interface.name(), "\""});
    }
  }
  for (const Field& required : interface.fields()) {
    const Field* field = type.findField(required.name);
    if (field == nullptr) {
      return concat({"interface field \"", interface.name(), ".", required.name,
                     "\" expected but \"", type.name(), "\" does not provide it"});
    }
    if (!validImplementationType(schema, field->type, required.type)) {
      return concat({"interface field \"", interface.name(), ".", required.name,
                     "\" expects type \"", required.type.toString(), "\" but \"", type.name(), ".",
                     field->name, "\" is type \"", field->type.toString(), "\""});
    }
    for (const InputValue& arg : required.arguments) {
      const InputValue* own = field->findArgument(arg.name);
      if (own == nullptr || own->type != arg.type) {
        return concat({"interface field argument \"", interface.name(), ".", required.name, "(",
                       arg.name, ":)\" expected but \"", type.name(), ".", field->name,
                       "\" does not provide it with type \"", arg.type.toString(), "\""});
      }
    }
    for (const InputValue& arg : field->arguments) {
      if (arg.type.isNonNull() && arg.default_value == nullptr &&
          required.findArgument(arg.name) == nullptr) {
        return concat({"argument \"", type.name(), ".", field->name, "(", arg.name,
                       ":)\" must not be required because \"", interface.name(), ".", required.name,
                       "\" does not have it"});
      }
    }
  }
  return {};
}

std::string checkType(const Schema& schema, const NamedType& type, bool builtin) {
  if (!builtin && reservedName(type.name())) {
    return concat({"type name \"", type.name(), "\" must not begin with \"__\""});
  }
  switch (type.kind()) {
    case TypeKind::kScalar:
      return {};
    case TypeKind::kObject:
    case TypeKind::kInterface: {
      if (type.fields().empty()) {
        return concat({"type \"", type.name(), "\" must define one or more fields"});
      }
      std::span<const Field> fields = type.fields();
      std::string_view repeated = firstRepeatedName(
          fields, [](const Field& field) -> std::string_view { return field.name; });
      for (const Field& field : fields) {
        auto owner = [&] { return concat({"\"", type.name(), ".", field.name, "\""}); };
        if (!builtin && reservedName(field.name)) {
          return concat({"field ", owner(), " must not begin with \"__\""});
        }
        if (field.name == repeated) {
          return concat({"field ", owner(), " is defined more than once"});
        }
        if (!schema.named(field.type).isOutput()) {
          return concat(
              {"field ", owner(), " must be an output type, not \"", field.type.toString(), "\""});
        }
        if (field.arguments.empty()) continue;
        std::string problem = checkArguments(schema, field.arguments, owner());
        if (!problem.empty()) return problem;
      }
      for (const NamedType* interface : type.interfaces()) {
        std::string problem = checkImplementation(schema, type, *interface);
        if (!problem.empty()) return problem;
      }
      return {};
    }
    case TypeKind::kUnion:
      if (type.possibleTypes().empty()) {
        return concat({"union \"", type.name(), "\" must define one or more member types"});
      }
      for (const NamedType* member : type.possibleTypes()) {
        if (member->kind() != TypeKind::kObject) {
          return concat({"union \"", type.name(), "\" can only include object types, not \"",
                         member->name(), "\""});
        }
        if (std::ranges::count(type.possibleTypes(), member) > 1) {
          return concat(
              {"union \"", type.name(), "\" includes \"", member->name(), "\" more than once"});
        }
      }
      return {};
    case TypeKind::kEnum:
      if (type.enumValues().empty()) {
        return concat({"enum \"", type.name(), "\" must define one or more values"});
      }
      {
        std::string_view repeated = firstRepeatedName(
            type.enumValues(), [](const auto& value) -> std::string_view { return value.name; });
        for (const auto& value : type.enumValues()) {
          const std::string& name = value.name;
          if (name == "true" || name == "false" || name == "null") {
            return concat({"enum \"", type.name(), "\" cannot include value \"", name, "\""});
          }
          if (name == repeated) {
            return concat(
                {"enum value \"", type.name(), ".", name, "\" is defined more than once"});
          }
        }
      }
      return {};
    case TypeKind::kInputObject:
      if (type.inputFields().empty()) {
        return concat({"input object \"", type.name(), "\" must define one or more fields"});
      }
      return checkArguments(schema, type.inputFields(), concat({"\"", type.name(), "\""}));
  }
  return {};
}

}  // namespace

Result<void> SchemaBuilder::check() const {
  for (const auto& [name, entry] : entries_) {
    if (!entry.defined) {
      return std::unexpected(
          Error::validationFailed(concat({"type \"", name, "\" is referenced but not defined"})));
    }
  }
  static constexpr std::array<std::string_view, 3> kRoots = {"query", "mutation", "subscription"};
  for (size_t i = 0; i < 3; ++i) {
    const std::string& root = root_names_[i];
    if (root.empty()) {
      if (i == 0) return std::unexpected(Error::validationFailed("the schema has no query type"));
      continue;
    }
    auto found = entries_.find(root);
    if (found == entries_.end() || found->second.type->kind() != TypeKind::kObject) {
      return std::unexpected(Error::validationFailed(
          concat({"the ", kRoots[i], " root type \"", root, "\" must be a defined object type"})));
    }
  }
  for (size_t i = 0; i < schema_->types_.size(); ++i) {
    std::string problem = checkType(*schema_, *schema_->types_[i], i < builtin_types_);
    if (!problem.empty()) return std::unexpected(Error::validationFailed(std::move(problem)));
  }
  for (const DirectiveDef* directive : schema_->directives_) {
    std::string problem = checkArguments(*schema_, directive->arguments, "@" + directive->name);
    if (!problem.empty()) return std::unexpected(Error::validationFailed(std::move(problem)));
  }
  return {};
}

void SchemaBuilder::finish() {
  Schema& schema = *schema_;
  uint32_t ids = 0;
  for (const NamedType& type : schema.owned_types_) ids = std::max(ids, type.name_->id + 1);
  schema.by_id_.assign(ids, nullptr);
  for (const NamedType& type : schema.owned_types_) schema.by_id_[type.name_->id] = &type;
  size_t slots = 16;
  while (slots < 2 * schema.types_.size()) slots *= 2;
  schema.types_by_name_.assign(slots, nullptr);
  for (auto& [name, entry] : entries_) {
    if (!entry.defined) continue;
    TypeBody& body = *entry.body;
    auto index = [&](const auto& items) {
      if (items.size() < kIndexThreshold) return;
      body.index.reserve(items.size());
      for (uint32_t i = 0; i < items.size(); ++i) body.index.emplace(items[i].name, i);
    };
    index(body.fields);
    index(body.enum_values);
    index(body.input_fields);
  }
  for (NamedType* type : schema.types_ | std::views::transform([](const NamedType* t) {
                           return const_cast<NamedType*>(t);
                         })) {
    size_t slot = std::hash<std::string_view>{}(type->name()) & (slots - 1);
    while (schema.types_by_name_[slot] != nullptr) slot = (slot + 1) & (slots - 1);
    schema.types_by_name_[slot] = type;
    // An interface's possible types are the objects implementing it: an interface
    // implementing it is a sub-type but never a runtime type.
    if (type->kind_ == TypeKind::kObject) {
      for (const NamedType* interface : type->interfaces()) {
        const_cast<NamedType*>(interface)->related().possible_types.push_back(type);
      }
    }
  }
  schema.query_ = schema.findType(root_names_[0]);
  schema.mutation_ = root_names_[1].empty() ? nullptr : schema.findType(root_names_[1]);
  schema.subscription_ = root_names_[2].empty() ? nullptr : schema.findType(root_names_[2]);

  auto meta = [&](std::string_view name, std::string_view type_name, bool non_null) {
    auto field = std::make_unique<Field>();
    field->name = name;
    TypeRef ref(schema.findType(type_name));
    field->type = non_null ? ref.nonNull() : ref;
    return field;
  };
  schema.typename_field_ = meta("__typename", "String", true);
  schema.schema_field_ = meta("__schema", "__Schema", true);
  schema.type_field_ = meta("__type", "__Type", false);
  InputValue& name_arg = schema.type_field_->arguments.emplace_back();
  name_arg.name = "name";
  name_arg.type = TypeRef(schema.findType("String")).nonNull();
}

// Every body goes to the registry, which keeps one copy per content: a type equal to one
// another schema of the registry already has shares it from now on.
void SchemaBuilder::intern() {
  for (auto& [name, entry] : entries_) {
    entry.type->body_ = registry_->intern(std::move(entry.body), schema_->arena_);
  }
}

Result<std::shared_ptr<const Schema>> SchemaBuilder::build() {
  if (!errors_.empty()) return std::unexpected(Error::validationFailed(errors_.front()));
  finish();  // the checks need the possible types of interfaces
  GRAFT_CHECK(check());
  intern();
  return std::shared_ptr<const Schema>(std::move(schema_));
}

}  // namespace graft::graphql
