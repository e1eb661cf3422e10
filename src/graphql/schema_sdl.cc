// Schema from SDL: walks the type-system definitions of a document and replays them on a
// SchemaBuilder, so that SDL and programmatic schemas go through the same checks.

#include "graphql/concat.h"
#include "graphql/parser.h"
#include "graphql/printer.h"
#include "graphql/schema_builder.h"
#include "graphql/schema_sdl_internal.h"

namespace graft::graphql {

namespace detail {

namespace {

// The October 2021 built-ins; descriptions as graphql-js has them.
constexpr std::string_view kBuiltins = R"graphql(
"The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1."
scalar Int
"The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point)."
scalar Float
"The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text."
scalar String
"The `Boolean` scalar type represents `true` or `false`."
scalar Boolean
"The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID."
scalar ID

type __Schema {
  description: String
  types: [__Type!]!
  queryType: __Type!
  mutationType: __Type
  subscriptionType: __Type
  directives: [__Directive!]!
}
type __Type {
  kind: __TypeKind!
  name: String
  description: String
  specifiedByURL: String
  fields(includeDeprecated: Boolean = false): [__Field!]
  interfaces: [__Type!]
  possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields(includeDeprecated: Boolean = false): [__InputValue!]
  ofType: __Type
}
enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
type __Field {
  name: String!
  description: String
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  type: __Type!
  isDeprecated: Boolean!
  deprecationReason: String
}
type __InputValue {
  name: String!
  description: String
  type: __Type!
  defaultValue: String
  isDeprecated: Boolean!
  deprecationReason: String
}
type __EnumValue {
  name: String!
  description: String
  isDeprecated: Boolean!
  deprecationReason: String
}
type __Directive {
  name: String!
  description: String
  isRepeatable: Boolean!
  locations: [__DirectiveLocation!]!
  args(includeDeprecated: Boolean = false): [__InputValue!]!
}
enum __DirectiveLocation {
  QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT
  VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE UNION
  ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION
}

"Directs the executor to include this field or fragment only when the `if` argument is true."
directive @include("Included when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
"Directs the executor to skip this field or fragment when the `if` argument is true."
directive @skip("Skipped when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
"Marks an element of a GraphQL schema as no longer supported."
directive @deprecated(
  "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/)."
  reason: String = "No longer supported"
) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
"Exposes a URL that specifies the behavior of this scalar."
directive @specifiedBy("The URL that specifies the behavior of this scalar." url: String!) on SCALAR
)graphql";

std::string_view describe(const ast::StringValue* description) {
  return description == nullptr ? std::string_view() : description->value;
}

const ast::Directive* findDirective(ast::List<ast::Directive> directives, std::string_view name) {
  for (const ast::Directive* directive : directives) {
    if (directive->name == name) return directive;
  }
  return nullptr;
}

// The reason of an @deprecated, or nullopt when there is none.
std::optional<std::string> deprecation(ast::List<ast::Directive> directives) {
  const ast::Directive* directive = findDirective(directives, "deprecated");
  if (directive == nullptr) return std::nullopt;
  for (const ast::Argument* arg : directive->arguments) {
    if (arg->name != "reason") continue;
    if (const auto* text = ast::dynCast<ast::StringValue>(arg->value)) {
      return std::string(text->value);
    }
  }
  return std::string("No longer supported");
}

std::string typeText(const ast::Type& type) { return print(type, PrintStyle::kCompact); }

std::string defaultText(const ast::Value* value) {
  return value == nullptr ? std::string() : print(*value, PrintStyle::kCompact);
}

void addArguments(ArgumentsBuilder args, ast::List<ast::InputValueDefinition> definitions) {
  for (const ast::InputValueDefinition* def : definitions) {
    args.argument(def->name, typeText(*def->type), describe(def->description),
                  defaultText(def->default_value));
    if (auto reason = deprecation(def->directives)) args.deprecated(*reason);
  }
}

void addFields(TypeBuilder& type, ast::List<ast::NamedType> interfaces,
               ast::List<ast::FieldDefinition> fields) {
  for (const ast::NamedType* interface : interfaces) type.implements(interface->name);
  for (const ast::FieldDefinition* def : fields) {
    addArguments(type.field(def->name, typeText(*def->type), describe(def->description)),
                 def->arguments);
    if (auto reason = deprecation(def->directives)) type.deprecateField(*reason);
  }
}

void addMembers(TypeBuilder& type, const ast::TypeDefinition& def) {
  if (const ast::Directive* specified = findDirective(def.directives, "specifiedBy")) {
    for (const ast::Argument* arg : specified->arguments) {
      if (const auto* url = ast::dynCast<ast::StringValue>(arg->value)) {
        type.specifiedByUrl(url->value);
      }
    }
  }
  if (const auto* object = ast::dynCast<ast::ObjectTypeDefinition>(&def)) {
    addFields(type, object->interfaces, object->fields);
  } else if (const auto* interface = ast::dynCast<ast::InterfaceTypeDefinition>(&def)) {
    addFields(type, interface->interfaces, interface->fields);
  } else if (const auto* union_def = ast::dynCast<ast::UnionTypeDefinition>(&def)) {
    for (const ast::NamedType* member : union_def->types) type.member(member->name);
  } else if (const auto* enum_def = ast::dynCast<ast::EnumTypeDefinition>(&def)) {
    for (const ast::EnumValueDefinition* value : enum_def->values) {
      type.value(value->name, describe(value->description));
      if (auto reason = deprecation(value->directives)) type.deprecateValue(*reason);
    }
  } else if (const auto* input = ast::dynCast<ast::InputObjectTypeDefinition>(&def)) {
    for (const ast::InputValueDefinition* field : input->fields) {
      type.inputField(field->name, typeText(*field->type), describe(field->description),
                      defaultText(field->default_value));
      if (auto reason = deprecation(field->directives)) type.deprecateInputField(*reason);
    }
  }
}

TypeBuilder defineType(SchemaBuilder& builder, const ast::TypeDefinition& def) {
  switch (def.kind) {
    case ast::Kind::kObjectTypeDefinition:
      return builder.object(def.name);
    case ast::Kind::kInterfaceTypeDefinition:
      return builder.interface(def.name);
    case ast::Kind::kUnionTypeDefinition:
      return builder.unionType(def.name);
    case ast::Kind::kEnumTypeDefinition:
      return builder.enumType(def.name);
    case ast::Kind::kInputObjectTypeDefinition:
      return builder.inputObject(def.name);
    default:
      return builder.scalar(def.name);
  }
}

ast::Kind definitionKindOf(ast::Kind extension) {
  switch (extension) {
    case ast::Kind::kScalarTypeExtension:
      return ast::Kind::kScalarTypeDefinition;
    case ast::Kind::kObjectTypeExtension:
      return ast::Kind::kObjectTypeDefinition;
    case ast::Kind::kInterfaceTypeExtension:
      return ast::Kind::kInterfaceTypeDefinition;
    case ast::Kind::kUnionTypeExtension:
      return ast::Kind::kUnionTypeDefinition;
    case ast::Kind::kEnumTypeExtension:
      return ast::Kind::kEnumTypeDefinition;
    default:
      return ast::Kind::kInputObjectTypeDefinition;
  }
}

TypeKind typeKindOf(ast::Kind definition) {
  switch (definition) {
    case ast::Kind::kObjectTypeDefinition:
      return TypeKind::kObject;
    case ast::Kind::kInterfaceTypeDefinition:
      return TypeKind::kInterface;
    case ast::Kind::kUnionTypeDefinition:
      return TypeKind::kUnion;
    case ast::Kind::kEnumTypeDefinition:
      return TypeKind::kEnum;
    case ast::Kind::kInputObjectTypeDefinition:
      return TypeKind::kInputObject;
    default:
      return TypeKind::kScalar;
  }
}

}  // namespace

Status applySdl(SchemaBuilder& builder, const ast::Document& document, bool set_roots) {
  std::string roots[3];
  bool explicit_roots = false;
  auto takeRoots = [&](const ast::SchemaDefinition& schema) {
    explicit_roots = true;
    for (const ast::OperationTypeDefinition* root : schema.operation_types) {
      roots[static_cast<int>(root->operation)] = root->type->name;
    }
  };
  for (const ast::Definition* def : document.definitions) {
    if (def->kind == ast::Kind::kSchemaDefinition) {
      const auto& schema = ast::cast<ast::SchemaDefinition>(*def);
      builder.setDescription(describe(schema.description));
      takeRoots(schema);
    } else if (const auto* type = ast::dynCast<ast::TypeDefinition>(def);
               type != nullptr && !def->isExtension()) {
      TypeBuilder built = defineType(builder, *type);
      built.description(describe(type->description));
      addMembers(built, *type);
    } else if (const auto* directive = ast::dynCast<ast::DirectiveDefinition>(def)) {
      addArguments(builder.directive(directive->name,
                                     {directive->locations.begin(), directive->locations.end()},
                                     directive->repeatable, describe(directive->description)),
                   directive->arguments);
    }
  }
  for (const ast::Definition* def : document.definitions) {
    if (def->kind == ast::Kind::kSchemaExtension) {
      takeRoots(ast::cast<ast::SchemaDefinition>(*def));
      continue;
    }
    const auto* type = ast::dynCast<ast::TypeDefinition>(def);
    if (type == nullptr || !def->isExtension()) continue;
    std::optional<TypeBuilder> existing = builder.existing(type->name);
    if (!existing) {
      return std::unexpected(Error::validationFailed(
          concat({"cannot extend type \"", type->name, "\" because it is not defined"})));
    }
    TypeKind expected = typeKindOf(definitionKindOf(def->kind));
    if (existing->kind() != expected) {
      return std::unexpected(Error::validationFailed(
          concat({"cannot extend non-", typeKindName(expected), " type \"", type->name, "\""})));
    }
    addMembers(*existing, *type);
  }
  if (!set_roots) return {};
  if (!explicit_roots) {
    static constexpr std::string_view kDefaults[3] = {"Query", "Mutation", "Subscription"};
    for (int i = 0; i < 3; ++i) {
      if (builder.isDefined(kDefaults[i])) roots[i] = kDefaults[i];
    }
  }
  builder.setRootTypes(roots[0], roots[1], roots[2]);
  return {};
}

void applyBuiltins(SchemaBuilder& builder) {
  Arena arena;
  auto document = parseSchema(kBuiltins, arena);
  // The prelude is a constant of this file; unit tests parse it on every run.
  if (document) (void)applySdl(builder, **document, /*set_roots=*/false);
}

}  // namespace detail

Result<std::shared_ptr<const Schema>> buildSchemaFromSdl(std::string_view sdl) {
  Arena arena;
  auto document = parseSchema(sdl, arena);
  if (!document) return std::unexpected(document.error().toError());
  SchemaBuilder builder;
  GRAFT_CHECK(detail::applySdl(builder, **document, /*set_roots=*/true));
  return builder.build();
}

}  // namespace graft::graphql
