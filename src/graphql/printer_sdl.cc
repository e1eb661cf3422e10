// The printer's type-system part: schema, type and directive definitions and extensions.
#include "graphql/printer_internal.h"

namespace graft::graphql::detail {

void Printer::printDescription(const ast::StringValue* description) {
  if (description == nullptr) return;
  printString(*description);
  newline();
}

void Printer::printImplements(ast::List<ast::NamedType> interfaces) {
  if (interfaces.empty()) return;
  out_ += " implements ";
  join(interfaces, " & ", [&](const ast::NamedType& type) { out_ += type.name; });
}

void Printer::printArgumentDefinitions(ast::List<ast::InputValueDefinition> arguments) {
  if (arguments.empty()) return;
  // graphql-js puts arguments on lines of their own when any of them has a description.
  bool multiline = false;
  for (const ast::InputValueDefinition* argument : arguments) {
    multiline = multiline || argument->description != nullptr;
  }
  if (!multiline || style_ == PrintStyle::kCompact) {
    out_ += '(';
    join(arguments, ", ",
         [&](const ast::InputValueDefinition& argument) { printInputValueDefinition(argument); });
    out_ += ')';
    return;
  }
  out_ += '(';
  indent_ += "  ";
  for (const ast::InputValueDefinition* argument : arguments) {
    newline();
    printInputValueDefinition(*argument);
  }
  indent_.resize(indent_.size() - 2);
  newline();
  out_ += ')';
}

void Printer::printInputValueDefinition(const ast::InputValueDefinition& value) {
  printDescription(value.description);
  out_ += value.name;
  out_ += ": ";
  printType(*value.type);
  if (value.default_value != nullptr) {
    out_ += " = ";
    printValue(*value.default_value);
  }
  printDirectives(value.directives);
}

void Printer::printFieldDefinition(const ast::FieldDefinition& field) {
  printDescription(field.description);
  out_ += field.name;
  printArgumentDefinitions(field.arguments);
  out_ += ": ";
  printType(*field.type);
  printDirectives(field.directives);
}

void Printer::printTypeSystemDefinition(const ast::Definition& definition) {
  using ast::Kind;
  if (definition.isExtension()) out_ += "extend ";
  auto fields = [&](ast::List<ast::FieldDefinition> list) {
    if (list.empty()) return;
    out_ += ' ';
    block(list, [&](const ast::FieldDefinition& field) { printFieldDefinition(field); });
  };
  // Named types share their head: description, keyword, name.
  auto head = [&](std::string_view keyword) -> const ast::TypeDefinition& {
    const auto& type = ast::cast<ast::TypeDefinition>(definition);
    printDescription(type.description);
    out_ += keyword;
    out_ += ' ';
    out_ += type.name;
    return type;
  };
  switch (definition.kind) {
    case Kind::kSchemaDefinition:
    case Kind::kSchemaExtension: {
      const auto& schema = ast::cast<ast::SchemaDefinition>(definition);
      printDescription(schema.description);
      out_ += "schema";
      printDirectives(schema.directives);
      if (!schema.operation_types.empty()) {
        out_ += ' ';
        block(schema.operation_types,
              [&](const ast::OperationTypeDefinition& operation) { printNode(operation); });
      }
      return;
    }
    case Kind::kScalarTypeDefinition:
    case Kind::kScalarTypeExtension:
      printDirectives(head("scalar").directives);
      return;
    case Kind::kObjectTypeDefinition:
    case Kind::kObjectTypeExtension: {
      head("type");
      const auto& type = ast::cast<ast::ObjectTypeDefinition>(definition);
      printImplements(type.interfaces);
      printDirectives(type.directives);
      fields(type.fields);
      return;
    }
    case Kind::kInterfaceTypeDefinition:
    case Kind::kInterfaceTypeExtension: {
      head("interface");
      const auto& type = ast::cast<ast::InterfaceTypeDefinition>(definition);
      printImplements(type.interfaces);
      printDirectives(type.directives);
      fields(type.fields);
      return;
    }
    case Kind::kUnionTypeDefinition:
    case Kind::kUnionTypeExtension: {
      head("union");
      const auto& type = ast::cast<ast::UnionTypeDefinition>(definition);
      printDirectives(type.directives);
      if (!type.types.empty()) {
        out_ += " = ";
        join(type.types, " | ", [&](const ast::NamedType& member) { out_ += member.name; });
      }
      return;
    }
    case Kind::kEnumTypeDefinition:
    case Kind::kEnumTypeExtension: {
      head("enum");
      const auto& type = ast::cast<ast::EnumTypeDefinition>(definition);
      printDirectives(type.directives);
      if (!type.values.empty()) {
        out_ += ' ';
        block(type.values, [&](const ast::EnumValueDefinition& value) { printNode(value); });
      }
      return;
    }
    case Kind::kInputObjectTypeDefinition:
    case Kind::kInputObjectTypeExtension: {
      head("input");
      const auto& type = ast::cast<ast::InputObjectTypeDefinition>(definition);
      printDirectives(type.directives);
      if (!type.fields.empty()) {
        out_ += ' ';
        block(type.fields,
              [&](const ast::InputValueDefinition& field) { printInputValueDefinition(field); });
      }
      return;
    }
    case Kind::kDirectiveDefinition: {
      const auto& directive = ast::cast<ast::DirectiveDefinition>(definition);
      printDescription(directive.description);
      out_ += "directive @";
      out_ += directive.name;
      printArgumentDefinitions(directive.arguments);
      if (directive.repeatable) out_ += " repeatable";
      out_ += " on ";
      bool first = true;
      for (ast::DirectiveLocation location : directive.locations) {
        if (!first) out_ += " | ";
        first = false;
        out_ += ast::directiveLocationName(location);
      }
      return;
    }
    default:
      return;
  }
}

}  // namespace graft::graphql::detail
