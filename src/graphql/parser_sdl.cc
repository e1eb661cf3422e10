// Type-system definitions and extensions (the SDL part of the grammar).
#include "graphql/concat.h"
#include "graphql/parser_internal.h"

namespace graft::graphql::detail {
namespace {

bool isOperationKeyword(std::string_view word) {
  return word == "query" || word == "mutation" || word == "subscription";
}

}  // namespace

const ast::StringValue* Parser::parseDescription() {
  if (!peek(TokenKind::kString) && !peek(TokenKind::kBlockString)) return nullptr;
  auto* description = node<ast::StringValue>(ast::Kind::kStringValue, location());
  description->value = token_.value;
  description->block = peek(TokenKind::kBlockString);
  advance();
  return description;
}

const ast::Definition* Parser::parseTypeSystemDefinition() {
  ast::Location at = location();
  const ast::StringValue* description = parseDescription();
  if (token_.kind != TokenKind::kName) return unexpected();
  std::string_view word = token_.value;
  if (word == "schema") return parseSchemaDefinition(ast::Kind::kSchemaDefinition, description, at);
  if (word == "scalar") {
    return parseScalarTypeDefinition(ast::Kind::kScalarTypeDefinition, description, at);
  }
  if (word == "type") {
    return parseObjectOrInterface<ast::ObjectTypeDefinition>(ast::Kind::kObjectTypeDefinition,
                                                             description, at);
  }
  if (word == "interface") {
    return parseObjectOrInterface<ast::InterfaceTypeDefinition>(ast::Kind::kInterfaceTypeDefinition,
                                                                description, at);
  }
  if (word == "union") {
    return parseUnionTypeDefinition(ast::Kind::kUnionTypeDefinition, description, at);
  }
  if (word == "enum")
    return parseEnumTypeDefinition(ast::Kind::kEnumTypeDefinition, description, at);
  if (word == "input") {
    return parseInputObjectTypeDefinition(ast::Kind::kInputObjectTypeDefinition, description, at);
  }
  if (word == "directive") return parseDirectiveDefinition(description, at);
  if (description != nullptr && (isOperationKeyword(word) || word == "fragment")) {
    return fail(SyntaxError::Kind::kSyntax, description->loc,
                "Unexpected description, descriptions are supported only on type definitions.");
  }
  return unexpected();
}

const ast::Definition* Parser::parseTypeSystemExtension() {
  ast::Location at = location();
  advance();  // extend
  if (token_.kind != TokenKind::kName) return unexpected();
  std::string_view word = token_.value;
  if (word == "schema") return parseSchemaDefinition(ast::Kind::kSchemaExtension, nullptr, at);
  if (word == "scalar")
    return parseScalarTypeDefinition(ast::Kind::kScalarTypeExtension, nullptr, at);
  if (word == "type") {
    return parseObjectOrInterface<ast::ObjectTypeDefinition>(ast::Kind::kObjectTypeExtension,
                                                             nullptr, at);
  }
  if (word == "interface") {
    return parseObjectOrInterface<ast::InterfaceTypeDefinition>(ast::Kind::kInterfaceTypeExtension,
                                                                nullptr, at);
  }
  if (word == "union") return parseUnionTypeDefinition(ast::Kind::kUnionTypeExtension, nullptr, at);
  if (word == "enum") return parseEnumTypeDefinition(ast::Kind::kEnumTypeExtension, nullptr, at);
  if (word == "input") {
    return parseInputObjectTypeDefinition(ast::Kind::kInputObjectTypeExtension, nullptr, at);
  }
  return unexpected();
}

const ast::Definition* Parser::parseSchemaDefinition(ast::Kind kind,
                                                     const ast::StringValue* description,
                                                     ast::Location at) {
  advance();  // schema
  auto* schema = node<ast::SchemaDefinition>(kind, at);
  schema->description = description;
  std::optional<ast::List<ast::Directive>> directives = parseDirectives(true);
  if (!directives) return nullptr;
  schema->directives = *directives;
  // An extension may stop after its directives; a definition needs the operation types.
  if (kind == ast::Kind::kSchemaExtension && !peek(TokenKind::kBraceL)) {
    return schema->directives.empty() ? unexpected() : schema;
  }
  if (!expect(TokenKind::kBraceL)) return nullptr;
  size_t operations = mark();
  do {
    ast::Location operation_at = location();
    if (token_.kind != TokenKind::kName || !isOperationKeyword(token_.value)) return unexpected();
    auto* operation =
        node<ast::OperationTypeDefinition>(ast::Kind::kOperationTypeDefinition, operation_at);
    if (token_.value == "mutation") operation->operation = ast::OperationType::kMutation;
    if (token_.value == "subscription") operation->operation = ast::OperationType::kSubscription;
    advance();
    if (!expect(TokenKind::kColon)) return nullptr;
    operation->type = parseNamedType();
    if (operation->type == nullptr) return nullptr;
    push(operation);
  } while (!skip(TokenKind::kBraceR));
  schema->operation_types = finish<ast::OperationTypeDefinition>(operations);
  return schema;
}

const ast::Definition* Parser::parseScalarTypeDefinition(ast::Kind kind,
                                                         const ast::StringValue* description,
                                                         ast::Location at) {
  advance();  // scalar
  auto* scalar = node<ast::ScalarTypeDefinition>(kind, at);
  scalar->description = description;
  std::optional<std::string_view> name = expectName();
  if (!name) return nullptr;
  scalar->name = *name;
  std::optional<ast::List<ast::Directive>> directives = parseDirectives(true);
  if (!directives) return nullptr;
  scalar->directives = *directives;
  if (kind == ast::Kind::kScalarTypeExtension && scalar->directives.empty()) return unexpected();
  return scalar;
}

template <typename T>
const ast::Definition* Parser::parseObjectOrInterface(ast::Kind kind,
                                                      const ast::StringValue* description,
                                                      ast::Location at) {
  advance();  // type | interface
  auto* type = node<T>(kind, at);
  type->description = description;
  std::optional<std::string_view> name = expectName();
  if (!name) return nullptr;
  type->name = *name;
  std::optional<ast::List<ast::NamedType>> interfaces = parseImplementsInterfaces();
  if (!interfaces) return nullptr;
  type->interfaces = *interfaces;
  std::optional<ast::List<ast::Directive>> directives = parseDirectives(true);
  if (!directives) return nullptr;
  type->directives = *directives;
  std::optional<ast::List<ast::FieldDefinition>> fields = parseFieldsDefinition();
  if (!fields) return nullptr;
  type->fields = *fields;
  bool is_extension =
      kind == ast::Kind::kObjectTypeExtension || kind == ast::Kind::kInterfaceTypeExtension;
  if (is_extension && type->interfaces.empty() && type->directives.empty() &&
      type->fields.empty()) {
    return unexpected();
  }
  return type;
}

std::optional<ast::List<ast::NamedType>> Parser::parseImplementsInterfaces() {
  if (!skipKeyword("implements")) return ast::List<ast::NamedType>{};
  skip(TokenKind::kAmp);  // a leading `&` is allowed
  size_t interfaces = mark();
  do {
    const ast::NamedType* interface = parseNamedType();
    if (interface == nullptr) return std::nullopt;
    push(interface);
  } while (skip(TokenKind::kAmp));
  return finish<ast::NamedType>(interfaces);
}

std::optional<ast::List<ast::FieldDefinition>> Parser::parseFieldsDefinition() {
  if (!skip(TokenKind::kBraceL)) return ast::List<ast::FieldDefinition>{};
  size_t fields = mark();
  do {
    ast::Location at = location();
    auto* field = node<ast::FieldDefinition>(ast::Kind::kFieldDefinition, at);
    field->description = parseDescription();
    std::optional<std::string_view> name = expectName();
    if (!name) return std::nullopt;
    field->name = *name;
    if (peek(TokenKind::kParenL)) {
      std::optional<ast::List<ast::InputValueDefinition>> arguments =
          parseInputValueDefinitions(TokenKind::kParenL, TokenKind::kParenR);
      if (!arguments) return std::nullopt;
      field->arguments = *arguments;
    }
    if (!expect(TokenKind::kColon)) return std::nullopt;
    field->type = parseType();
    if (field->type == nullptr) return std::nullopt;
    std::optional<ast::List<ast::Directive>> directives = parseDirectives(true);
    if (!directives) return std::nullopt;
    field->directives = *directives;
    push(field);
  } while (!skip(TokenKind::kBraceR));
  return finish<ast::FieldDefinition>(fields);
}

std::optional<ast::List<ast::InputValueDefinition>> Parser::parseInputValueDefinitions(
    TokenKind open, TokenKind close) {
  if (!expect(open)) return std::nullopt;
  size_t values = mark();
  do {
    const ast::InputValueDefinition* value = parseInputValueDefinition();
    if (value == nullptr) return std::nullopt;
    push(value);
  } while (!skip(close));
  return finish<ast::InputValueDefinition>(values);
}

const ast::InputValueDefinition* Parser::parseInputValueDefinition() {
  auto* value = node<ast::InputValueDefinition>(ast::Kind::kInputValueDefinition, location());
  value->description = parseDescription();
  std::optional<std::string_view> name = expectName();
  if (!name || !expect(TokenKind::kColon)) return nullptr;
  value->name = *name;
  value->type = parseType();
  if (value->type == nullptr) return nullptr;
  if (skip(TokenKind::kEquals)) {
    value->default_value = parseValue(/*is_const=*/true);
    if (value->default_value == nullptr) return nullptr;
  }
  std::optional<ast::List<ast::Directive>> directives = parseDirectives(true);
  if (!directives) return nullptr;
  value->directives = *directives;
  return value;
}

const ast::Definition* Parser::parseUnionTypeDefinition(ast::Kind kind,
                                                        const ast::StringValue* description,
                                                        ast::Location at) {
  advance();  // union
  auto* type = node<ast::UnionTypeDefinition>(kind, at);
  if (!parseTypeHeader(type, description)) return nullptr;
  if (skip(TokenKind::kEquals)) {
    skip(TokenKind::kPipe);  // a leading `|` is allowed
    size_t members = mark();
    do {
      const ast::NamedType* member = parseNamedType();
      if (member == nullptr) return nullptr;
      push(member);
    } while (skip(TokenKind::kPipe));
    type->types = finish<ast::NamedType>(members);
  }
  if (kind == ast::Kind::kUnionTypeExtension && type->directives.empty() && type->types.empty()) {
    return unexpected();
  }
  return type;
}

const ast::Definition* Parser::parseEnumTypeDefinition(ast::Kind kind,
                                                       const ast::StringValue* description,
                                                       ast::Location at) {
  advance();  // enum
  auto* type = node<ast::EnumTypeDefinition>(kind, at);
  if (!parseTypeHeader(type, description)) return nullptr;
  if (skip(TokenKind::kBraceL)) {
    size_t values = mark();
    do {
      auto* value = node<ast::EnumValueDefinition>(ast::Kind::kEnumValueDefinition, location());
      value->description = parseDescription();
      ast::Location name_at = location();
      std::optional<std::string_view> value_name = expectName();
      if (!value_name) return nullptr;
      if (*value_name == "true" || *value_name == "false" || *value_name == "null") {
        return fail(SyntaxError::Kind::kSyntax, name_at,
                    concat({"Name \"", *value_name,
                            "\" is reserved and cannot be used for an enum value."}));
      }
      value->name = *value_name;
      std::optional<ast::List<ast::Directive>> value_directives = parseDirectives(true);
      if (!value_directives) return nullptr;
      value->directives = *value_directives;
      push(value);
    } while (!skip(TokenKind::kBraceR));
    type->values = finish<ast::EnumValueDefinition>(values);
  }
  if (kind == ast::Kind::kEnumTypeExtension && type->directives.empty() && type->values.empty()) {
    return unexpected();
  }
  return type;
}

const ast::Definition* Parser::parseInputObjectTypeDefinition(ast::Kind kind,
                                                              const ast::StringValue* description,
                                                              ast::Location at) {
  advance();  // input
  auto* type = node<ast::InputObjectTypeDefinition>(kind, at);
  if (!parseTypeHeader(type, description)) return nullptr;
  if (peek(TokenKind::kBraceL)) {
    std::optional<ast::List<ast::InputValueDefinition>> fields =
        parseInputValueDefinitions(TokenKind::kBraceL, TokenKind::kBraceR);
    if (!fields) return nullptr;
    type->fields = *fields;
  }
  if (kind == ast::Kind::kInputObjectTypeExtension && type->directives.empty() &&
      type->fields.empty()) {
    return unexpected();
  }
  return type;
}

const ast::Definition* Parser::parseDirectiveDefinition(const ast::StringValue* description,
                                                        ast::Location at) {
  advance();  // directive
  if (!expect(TokenKind::kAt)) return nullptr;
  auto* directive = node<ast::DirectiveDefinition>(ast::Kind::kDirectiveDefinition, at);
  directive->description = description;
  std::optional<std::string_view> name = expectName();
  if (!name) return nullptr;
  directive->name = *name;
  if (peek(TokenKind::kParenL)) {
    std::optional<ast::List<ast::InputValueDefinition>> arguments =
        parseInputValueDefinitions(TokenKind::kParenL, TokenKind::kParenR);
    if (!arguments) return nullptr;
    directive->arguments = *arguments;
  }
  directive->repeatable = skipKeyword("repeatable");
  if (!expectKeyword("on")) return nullptr;
  skip(TokenKind::kPipe);  // a leading `|` is allowed
  // Locations are few (at most 19 distinct), so a small local buffer is enough; duplicates
  // are kept for validation to report.
  std::vector<ast::DirectiveLocation> locations;
  do {
    ast::DirectiveLocation location_value;
    if (token_.kind != TokenKind::kName ||
        !ast::parseDirectiveLocation(token_.value, location_value)) {
      return unexpected();
    }
    locations.push_back(location_value);
    advance();
  } while (skip(TokenKind::kPipe));
  directive->locations = arena_.copyArray(std::span<const ast::DirectiveLocation>(locations));
  return directive;
}

}  // namespace graft::graphql::detail
