// The printer's layout helpers, the executable parts and values.
#include "graphql/printer.h"

#include <cstdio>

#include "graphql/block_string.h"
#include "graphql/printer_internal.h"
#include "graphql/utf8.h"

namespace graft::graphql {
namespace detail {

void Printer::newline() {
  if (style_ == PrintStyle::kCompact) {
    out_ += ' ';
    return;
  }
  out_ += '\n';
  out_ += indent_;
}

namespace {

// Whether a `{` printed right after `definition` would be read as its body (fields, enum
// values, operation types) rather than as the start of a shorthand query.
bool takesBraceAfter(const ast::Definition& definition) {
  switch (definition.kind) {
    case ast::Kind::kObjectTypeDefinition:
    case ast::Kind::kObjectTypeExtension:
      return ast::cast<ast::ObjectTypeDefinition>(definition).fields.empty();
    case ast::Kind::kInterfaceTypeDefinition:
    case ast::Kind::kInterfaceTypeExtension:
      return ast::cast<ast::InterfaceTypeDefinition>(definition).fields.empty();
    case ast::Kind::kEnumTypeDefinition:
    case ast::Kind::kEnumTypeExtension:
      return ast::cast<ast::EnumTypeDefinition>(definition).values.empty();
    case ast::Kind::kInputObjectTypeDefinition:
    case ast::Kind::kInputObjectTypeExtension:
      return ast::cast<ast::InputObjectTypeDefinition>(definition).fields.empty();
    case ast::Kind::kSchemaExtension:
      return ast::cast<ast::SchemaDefinition>(definition).operation_types.empty();
    default:
      return false;
  }
}

}  // namespace

void Printer::printDocument(const ast::Document& document) {
  const ast::Definition* previous = nullptr;
  for (const ast::Definition* definition : document.definitions) {
    if (previous != nullptr) out_ += style_ == PrintStyle::kCompact ? " " : "\n\n";
    if (const auto* operation = ast::dynCast<ast::OperationDefinition>(definition)) {
      printOperation(*operation, previous == nullptr || !takesBraceAfter(*previous));
    } else {
      printDefinition(*definition);
    }
    previous = definition;
  }
}

void Printer::printNode(const ast::Node& node) {
  using ast::Kind;
  if (const auto* value = ast::dynCast<ast::Value>(&node)) return printValue(*value);
  if (const auto* type = ast::dynCast<ast::Type>(&node)) return printType(*type);
  if (const auto* selection = ast::dynCast<ast::Selection>(&node))
    return printSelection(*selection);
  if (const auto* definition = ast::dynCast<ast::Definition>(&node)) {
    return printDefinition(*definition);
  }
  switch (node.kind) {
    case Kind::kDocument:
      return printDocument(ast::cast<ast::Document>(node));
    case Kind::kArgument: {
      const auto& argument = ast::cast<ast::Argument>(node);
      out_ += argument.name;
      out_ += ": ";
      return printValue(*argument.value);
    }
    case Kind::kObjectField: {
      const auto& field = ast::cast<ast::ObjectField>(node);
      out_ += field.name;
      out_ += ": ";
      return printValue(*field.value);
    }
    case Kind::kDirective:
      return printDirective(ast::cast<ast::Directive>(node));
    case Kind::kVariableDefinition:
      return printVariableDefinition(ast::cast<ast::VariableDefinition>(node));
    case Kind::kOperationTypeDefinition: {
      const auto& operation = ast::cast<ast::OperationTypeDefinition>(node);
      out_ += ast::operationTypeName(operation.operation);
      out_ += ": ";
      return printType(*operation.type);
    }
    case Kind::kFieldDefinition:
      return printFieldDefinition(ast::cast<ast::FieldDefinition>(node));
    case Kind::kInputValueDefinition:
      return printInputValueDefinition(ast::cast<ast::InputValueDefinition>(node));
    case Kind::kEnumValueDefinition: {
      const auto& value = ast::cast<ast::EnumValueDefinition>(node);
      printDescription(value.description);
      out_ += value.name;
      return printDirectives(value.directives);
    }
    default:
      return;
  }
}

void Printer::printDefinition(const ast::Definition& definition) {
  switch (definition.kind) {
    case ast::Kind::kOperationDefinition:
      return printOperation(ast::cast<ast::OperationDefinition>(definition), true);
    case ast::Kind::kFragmentDefinition:
      return printFragmentDefinition(ast::cast<ast::FragmentDefinition>(definition));
    default:
      return printTypeSystemDefinition(definition);
  }
}

void Printer::printOperation(const ast::OperationDefinition& operation, bool allow_shorthand) {
  // graphql-js's rule: an anonymous query without variables or directives uses the shorthand.
  bool shorthand = allow_shorthand && operation.operation == ast::OperationType::kQuery &&
                   operation.name.empty() && operation.variable_definitions.empty() &&
                   operation.directives.empty();
  if (!shorthand) {
    out_ += ast::operationTypeName(operation.operation);
    if (!operation.name.empty()) {
      out_ += ' ';
      out_ += operation.name;
    }
    if (!operation.variable_definitions.empty()) {
      out_ += operation.name.empty() ? " (" : "(";
      join(operation.variable_definitions, ", ",
           [&](const ast::VariableDefinition& v) { printVariableDefinition(v); });
      out_ += ')';
    }
    printDirectives(operation.directives);
    out_ += ' ';
  }
  printSelectionSet(operation.selection_set);
}

void Printer::printFragmentDefinition(const ast::FragmentDefinition& fragment) {
  out_ += "fragment ";
  out_ += fragment.name;
  out_ += " on ";
  out_ += fragment.type_condition->name;
  printDirectives(fragment.directives);
  out_ += ' ';
  printSelectionSet(fragment.selection_set);
}

void Printer::printSelectionSet(ast::List<ast::Selection> selections) {
  block(selections, [&](const ast::Selection& s) { printSelection(s); });
}

void Printer::printSelection(const ast::Selection& selection) {
  switch (selection.kind) {
    case ast::Kind::kField: {
      const auto& field = ast::cast<ast::Field>(selection);
      if (!field.alias.empty()) {
        out_ += field.alias;
        out_ += ": ";
      }
      out_ += field.name;
      printArguments(field.arguments);
      printDirectives(field.directives);
      if (!field.selection_set.empty()) {
        out_ += ' ';
        printSelectionSet(field.selection_set);
      }
      return;
    }
    case ast::Kind::kFragmentSpread: {
      const auto& spread = ast::cast<ast::FragmentSpread>(selection);
      out_ += "...";
      out_ += spread.name;
      printDirectives(spread.directives);
      return;
    }
    default: {
      const auto& fragment = ast::cast<ast::InlineFragment>(selection);
      out_ += "...";
      if (fragment.type_condition != nullptr) {
        out_ += " on ";
        out_ += fragment.type_condition->name;
      }
      printDirectives(fragment.directives);
      out_ += ' ';
      printSelectionSet(fragment.selection_set);
      return;
    }
  }
}

void Printer::printVariableDefinition(const ast::VariableDefinition& definition) {
  out_ += '$';
  out_ += definition.variable->name;
  out_ += ": ";
  printType(*definition.type);
  if (definition.default_value != nullptr) {
    out_ += " = ";
    printValue(*definition.default_value);
  }
  printDirectives(definition.directives);
}

void Printer::printArguments(ast::List<ast::Argument> arguments) {
  if (arguments.empty()) return;
  out_ += '(';
  join(arguments, ", ", [&](const ast::Argument& argument) {
    out_ += argument.name;
    out_ += ": ";
    printValue(*argument.value);
  });
  out_ += ')';
}

void Printer::printDirectives(ast::List<ast::Directive> directives) {
  for (const ast::Directive* directive : directives) {
    out_ += ' ';
    printDirective(*directive);
  }
}

void Printer::printDirective(const ast::Directive& directive) {
  out_ += '@';
  out_ += directive.name;
  printArguments(directive.arguments);
}

void Printer::printValue(const ast::Value& value) {
  switch (value.kind) {
    case ast::Kind::kVariable:
      out_ += '$';
      out_ += ast::cast<ast::Variable>(value).name;
      return;
    case ast::Kind::kIntValue:
      out_ += ast::cast<ast::IntValue>(value).text;
      return;
    case ast::Kind::kFloatValue:
      out_ += ast::cast<ast::FloatValue>(value).text;
      return;
    case ast::Kind::kStringValue:
      return printString(ast::cast<ast::StringValue>(value));
    case ast::Kind::kBooleanValue:
      out_ += ast::cast<ast::BooleanValue>(value).value ? "true" : "false";
      return;
    case ast::Kind::kNullValue:
      out_ += "null";
      return;
    case ast::Kind::kEnumValue:
      out_ += ast::cast<ast::EnumValue>(value).value;
      return;
    case ast::Kind::kListValue:
      out_ += '[';
      join(ast::cast<ast::ListValue>(value).values, ", ",
           [&](const ast::Value& item) { printValue(item); });
      out_ += ']';
      return;
    case ast::Kind::kObjectValue:
      out_ += '{';
      join(ast::cast<ast::ObjectValue>(value).fields, ", ", [&](const ast::ObjectField& field) {
        out_ += field.name;
        out_ += ": ";
        printValue(*field.value);
      });
      out_ += '}';
      return;
    default:
      return;
  }
}

void Printer::printString(const ast::StringValue& value) {
  if (value.block && style_ == PrintStyle::kPretty &&
      appendBlockString(value.value, indent_, out_)) {
    return;
  }
  appendQuotedString(value.value, out_);
}

void Printer::printType(const ast::Type& type) {
  switch (type.kind) {
    case ast::Kind::kNamedType:
      out_ += ast::cast<ast::NamedType>(type).name;
      return;
    case ast::Kind::kListType:
      out_ += '[';
      printType(*ast::cast<ast::ListType>(type).type);
      out_ += ']';
      return;
    default:
      printType(*ast::cast<ast::NonNullType>(type).type);
      out_ += '!';
      return;
  }
}

}  // namespace detail

std::string print(const ast::Document& document, PrintStyle style) {
  detail::Printer printer(style);
  printer.printDocument(document);
  return printer.take();
}

std::string print(const ast::Node& node, PrintStyle style) {
  detail::Printer printer(style);
  printer.printNode(node);
  return printer.take();
}

void appendQuotedString(std::string_view value, std::string& out) {
  out += '"';
  size_t i = 0;
  while (i < value.size()) {
    auto c = static_cast<unsigned char>(value[i]);
    uint32_t code_point = c;
    size_t length = 1;
    if (c >= 0x80) {
      length = utf8::decode(value.substr(i), code_point);
      // Not produced by the parser; a lone bad byte is written as U+FFFD to keep JSON valid.
      if (length == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
        continue;
      }
    }
    switch (code_point) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F)) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04X", code_point);
          out += escape;
        } else {
          out.append(value, i, length);
        }
    }
    i += length;
  }
  out += '"';
}

}  // namespace graft::graphql
