#include "graphql/introspection.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <variant>

#include "graphql/printer.h"

namespace graft::graphql {

namespace bj = boost::json;

namespace {

// The introspection objects: which __ type each one is, and what it points at.
struct TypeObject {
  TypeRef type;
};
struct DirectiveObject {
  const DirectiveDef* directive;
};
using Object = std::variant<const Schema*, TypeObject, const Field*, const InputValue*,
                            const EnumValue*, DirectiveObject>;

std::string_view typeNameOf(const Object& object) {
  static constexpr std::string_view kNames[] = {"__Schema",     "__Type",      "__Field",
                                                "__InputValue", "__EnumValue", "__Directive"};
  return kNames[object.index()];
}

bj::value nullableString(const std::string& text) {
  return text.empty() ? bj::value(nullptr) : bj::value(text);
}

class Resolver {
 public:
  Resolver(const Schema& schema, const VariableValues& variables)
      : schema_(schema), variables_(variables) {}

  bj::value objectValue(const Object& object, const NormalizedField& field) {
    const NamedType* type = schema_.findType(typeNameOf(object));
    bj::object out;
    for (const NormalizedField& child : field.fieldsFor(*type)) {
      out.emplace(child.response_key, resolve(object, child));
    }
    return out;
  }

  bj::value typeValue(TypeRef type, const NormalizedField& field) {
    if (!type.valid()) return nullptr;
    return objectValue(TypeObject{type}, field);
  }

 private:
  bool includeDeprecated(const NormalizedField& field) const {
    const NormalizedArgument* argument = field.findArgument("includeDeprecated");
    if (argument == nullptr) return false;
    bj::value value = literalToJson(*argument->value, variables_);
    return value.is_bool() && value.get_bool();
  }

  template <typename Items, typename Make>
  bj::value listOf(const Items& items, const NormalizedField& field, bool filter, Make make) {
    bj::array out;
    for (const auto& item : items) {
      if (filter && item.deprecation.deprecated) continue;
      out.push_back(objectValue(make(item), field));
    }
    return out;
  }

  bj::value typesList(std::span<const NamedType* const> types, const NormalizedField& field) {
    bj::array out;
    for (const NamedType* type : types) out.push_back(typeValue(TypeRef(type), field));
    return out;
  }

  bj::value inputValues(const std::vector<InputValue>& values, const NormalizedField& field) {
    return listOf(values, field, !includeDeprecated(field),
                  [](const InputValue& value) { return Object(&value); });
  }

  bj::value resolve(const Object& object, const NormalizedField& field) {
    std::string_view name = field.name();
    if (name == "__typename") return bj::value(typeNameOf(object));
    switch (object.index()) {
      case 0:
        return schemaField(*std::get<0>(object), field);
      case 1:
        return typeField(std::get<1>(object).type, field);
      case 2:
        return fieldField(*std::get<2>(object), field);
      case 3:
        return inputValueField(*std::get<3>(object), field);
      case 4: {
        const EnumValue& value = *std::get<4>(object);
        if (name == "name") return bj::value(value.name);
        if (name == "description") return nullableString(value.description);
        return deprecation(value.deprecation, name);
      }
      default:
        return directiveField(*std::get<5>(object).directive, field);
    }
  }

  static bj::value deprecation(const Deprecation& deprecation, std::string_view name) {
    if (name == "isDeprecated") return bj::value(deprecation.deprecated);
    if (name == "deprecationReason" && deprecation.deprecated) {
      return bj::value(deprecation.reason);
    }
    return nullptr;
  }

  bj::value schemaField(const Schema& schema, const NormalizedField& field) {
    std::string_view name = field.name();
    if (name == "description") return nullableString(schema.description());
    if (name == "types") return typesList(schema.types(), field);
    if (name == "queryType") return typeValue(TypeRef(schema.queryType()), field);
    if (name == "mutationType") return typeValue(TypeRef(schema.mutationType()), field);
    if (name == "subscriptionType") return typeValue(TypeRef(schema.subscriptionType()), field);
    if (name == "directives") {
      bj::array out;
      for (const DirectiveDef* directive : schema.directives()) {
        out.push_back(objectValue(DirectiveObject{directive}, field));
      }
      return out;
    }
    return nullptr;
  }

  bj::value typeField(TypeRef type, const NormalizedField& field) {
    std::string_view name = field.name();
    bool wrapper = type.isNonNull() || type.isList();
    if (name == "kind") {
      if (type.isNonNull()) return bj::value("NON_NULL");
      if (type.isList()) return bj::value("LIST");
      return bj::value(typeKindName(schema_.named(type).kind()));
    }
    if (name == "ofType") return wrapper ? typeValue(type.ofType(), field) : nullptr;
    if (wrapper) return nullptr;
    const NamedType& named = schema_.named(type);
    if (name == "name") return bj::value(named.name());
    if (name == "description") return nullableString(named.description());
    if (name == "specifiedByURL") {
      return named.kind() == TypeKind::kScalar ? nullableString(named.specifiedByUrl()) : nullptr;
    }
    bool object_like = named.kind() == TypeKind::kObject || named.kind() == TypeKind::kInterface;
    if (name == "fields") {
      if (!object_like) return nullptr;
      return listOf(named.fields(), field, !includeDeprecated(field),
                    [](const Field& item) { return Object(&item); });
    }
    if (name == "interfaces") return object_like ? typesList(named.interfaces(), field) : nullptr;
    if (name == "possibleTypes") {
      return named.isAbstract() ? typesList(named.possibleTypes(), field) : nullptr;
    }
    if (name == "enumValues") {
      if (named.kind() != TypeKind::kEnum) return nullptr;
      return listOf(named.enumValues(), field, !includeDeprecated(field),
                    [](const EnumValue& item) { return Object(&item); });
    }
    if (name == "inputFields") {
      if (named.kind() != TypeKind::kInputObject) return nullptr;
      return listOf(named.inputFields(), field, !includeDeprecated(field),
                    [](const InputValue& item) { return Object(&item); });
    }
    return nullptr;
  }

  bj::value fieldField(const Field& definition, const NormalizedField& field) {
    std::string_view name = field.name();
    if (name == "name") return bj::value(definition.name);
    if (name == "description") return nullableString(definition.description);
    if (name == "args") return inputValues(definition.arguments, field);
    if (name == "type") return typeValue(definition.type, field);
    return deprecation(definition.deprecation, name);
  }

  bj::value inputValueField(const InputValue& value, const NormalizedField& field) {
    std::string_view name = field.name();
    if (name == "name") return bj::value(value.name);
    if (name == "description") return nullableString(value.description);
    if (name == "type") return typeValue(value.type, field);
    if (name == "defaultValue") {
      if (value.default_value == nullptr) return nullptr;
      return bj::value(print(*value.default_value, PrintStyle::kCompact));
    }
    return deprecation(value.deprecation, name);
  }

  bj::value directiveField(const DirectiveDef& directive, const NormalizedField& field) {
    std::string_view name = field.name();
    if (name == "name") return bj::value(directive.name);
    if (name == "description") return nullableString(directive.description);
    if (name == "isRepeatable") return bj::value(directive.repeatable);
    if (name == "args") return inputValues(directive.arguments, field);
    if (name == "locations") {
      bj::array out;
      for (ast::DirectiveLocation location : directive.locations) {
        out.push_back(bj::value(ast::directiveLocationName(location)));
      }
      return out;
    }
    return nullptr;
  }

  const Schema& schema_;
  const VariableValues& variables_;
};

}  // namespace

bool isIntrospectionField(const Schema& schema, const NormalizedField& field) {
  return field.definition == &schema.schemaField() || field.definition == &schema.typeField();
}

bj::value resolveIntrospectionField(const Schema& schema, const NormalizedField& field,
                                    const VariableValues& variables) {
  Resolver resolver(schema, variables);
  if (field.definition == &schema.schemaField()) return resolver.objectValue(&schema, field);
  const NormalizedArgument* name = field.findArgument("name");
  if (name == nullptr) return nullptr;
  bj::value type_name = literalToJson(*name->value, variables);
  if (!type_name.is_string()) return nullptr;
  return resolver.typeValue(TypeRef(schema.findType(type_name.get_string())), field);
}

}  // namespace graft::graphql
