// The document rule, executable definitions (operations, selections, fragments) and the
// public entry points of parser.h.
#include "graphql/concat.h"
#include "graphql/parser.h"
#include "graphql/parser_internal.h"

namespace graft::graphql {
namespace detail {
namespace {

bool isTypeSystemKeyword(std::string_view word) {
  return word == "schema" || word == "scalar" || word == "type" || word == "interface" ||
         word == "union" || word == "enum" || word == "input" || word == "directive";
}

std::string definitionName(const ast::Definition& definition) {
  if (ast::SchemaDefinition::is(definition.kind)) return "schema";
  if (const auto* type = ast::dynCast<ast::TypeDefinition>(&definition)) {
    return std::string(type->name);
  }
  if (const auto* directive = ast::dynCast<ast::DirectiveDefinition>(&definition)) {
    return concat({"@", directive->name});
  }
  return {};
}

}  // namespace

const ast::Document* Parser::parseDocument(DocumentMode mode) {
  mode_ = mode;
  if (!start()) return nullptr;
  ast::Location at = location();
  size_t definitions = mark();
  do {
    const ast::Definition* definition = parseDefinition();
    if (definition == nullptr || !checkMode(*definition)) return nullptr;
    push(definition);
  } while (!peek(TokenKind::kEof));
  if (failed()) return nullptr;
  auto* document = node<ast::Document>(ast::Kind::kDocument, at);
  document->definitions = finish<ast::Definition>(definitions);
  return document;
}

const ast::Value* Parser::parseSingleValue(bool is_const) {
  if (!start()) return nullptr;
  const ast::Value* value = parseValue(is_const);
  if (value == nullptr || !expect(TokenKind::kEof)) return nullptr;
  return value;
}

const ast::Type* Parser::parseSingleType() {
  if (!start()) return nullptr;
  const ast::Type* type = parseType();
  if (type == nullptr || !expect(TokenKind::kEof)) return nullptr;
  return type;
}

const ast::Definition* Parser::parseDefinition() {
  if (peek(TokenKind::kBraceL)) return parseOperationDefinition();
  if (peek(TokenKind::kString) || peek(TokenKind::kBlockString)) {
    return parseTypeSystemDefinition();
  }
  if (token_.kind == TokenKind::kName) {
    std::string_view word = token_.value;
    if (word == "query" || word == "mutation" || word == "subscription") {
      return parseOperationDefinition();
    }
    if (word == "fragment") return parseFragmentDefinition();
    if (isTypeSystemKeyword(word)) return parseTypeSystemDefinition();
    if (word == "extend") return parseTypeSystemExtension();
  }
  return unexpected();
}

bool Parser::checkMode(const ast::Definition& definition) {
  if (mode_ == DocumentMode::kExecutable && !definition.isExecutable()) {
    fail(SyntaxError::Kind::kNotExecutable, definition.loc,
         definition.kind == ast::Kind::kSchemaDefinition ||
                 definition.kind == ast::Kind::kSchemaExtension
             ? "The schema definition is not executable."
             : concat({"The \"", definitionName(definition), "\" definition is not executable."}));
    return false;
  }
  if (mode_ == DocumentMode::kSchema && definition.isExecutable()) {
    std::string what;
    if (const auto* operation = ast::dynCast<ast::OperationDefinition>(&definition)) {
      std::string_view type = ast::operationTypeName(operation->operation);
      what = operation->name.empty() ? concat({"An anonymous ", type})
                                     : concat({"The ", type, " \"", operation->name, "\""});
    } else {
      what = concat({"The fragment \"", ast::cast<ast::FragmentDefinition>(definition).name, "\""});
    }
    fail(SyntaxError::Kind::kNotTypeSystem, definition.loc,
         concat({what, " is not allowed in a schema document."}));
    return false;
  }
  return true;
}

const ast::OperationDefinition* Parser::parseOperationDefinition() {
  ast::Location at = location();
  auto* operation = node<ast::OperationDefinition>(ast::Kind::kOperationDefinition, at);
  if (!peek(TokenKind::kBraceL)) {
    // The caller saw one of the three keywords.
    if (token_.value == "mutation") operation->operation = ast::OperationType::kMutation;
    if (token_.value == "subscription") operation->operation = ast::OperationType::kSubscription;
    advance();
    if (peek(TokenKind::kName)) {
      operation->name = token_.value;
      advance();
    }
    if (peek(TokenKind::kParenL)) {
      std::optional<ast::List<ast::VariableDefinition>> variables = parseVariableDefinitions();
      if (!variables) return nullptr;
      operation->variable_definitions = *variables;
    }
    std::optional<ast::List<ast::Directive>> directives = parseDirectives(false);
    if (!directives) return nullptr;
    operation->directives = *directives;
  }
  std::optional<ast::List<ast::Selection>> selections = parseSelectionSet();
  if (!selections) return nullptr;
  operation->selection_set = *selections;
  return operation;
}

std::optional<ast::List<ast::VariableDefinition>> Parser::parseVariableDefinitions() {
  advance();  // (
  size_t definitions = mark();
  do {
    ast::Location at = location();
    const ast::Variable* variable = parseVariable();
    if (variable == nullptr || !expect(TokenKind::kColon)) return std::nullopt;
    const ast::Type* type = parseType();
    if (type == nullptr) return std::nullopt;
    const ast::Value* default_value = nullptr;
    if (skip(TokenKind::kEquals)) {
      default_value = parseValue(/*is_const=*/true);
      if (default_value == nullptr) return std::nullopt;
    }
    std::optional<ast::List<ast::Directive>> directives = parseDirectives(/*is_const=*/true);
    if (!directives) return std::nullopt;
    auto* definition = node<ast::VariableDefinition>(ast::Kind::kVariableDefinition, at);
    definition->variable = variable;
    definition->type = type;
    definition->default_value = default_value;
    definition->directives = *directives;
    push(definition);
  } while (!skip(TokenKind::kParenR));
  return finish<ast::VariableDefinition>(definitions);
}

// Recursion goes parseSelectionSet -> parseField/parseFragment -> parseSelectionSet: two
// frames per level, each level holding a DepthGuard.
std::optional<ast::List<ast::Selection>> Parser::parseSelectionSet() {
  DepthGuard depth(*this);
  if (!depth.ok() || !expect(TokenKind::kBraceL)) return std::nullopt;
  size_t selections = mark();
  do {
    const ast::Selection* selection = peek(TokenKind::kSpread)
                                          ? parseFragment()
                                          : static_cast<const ast::Selection*>(parseField());
    if (selection == nullptr) return std::nullopt;
    push(selection);
  } while (!skip(TokenKind::kBraceR));
  return finish<ast::Selection>(selections);
}

const ast::Field* Parser::parseField() {
  ast::Location at = location();
  std::optional<std::string_view> name = expectName();
  if (!name) return nullptr;
  auto* field = node<ast::Field>(ast::Kind::kField, at);
  if (skip(TokenKind::kColon)) {
    field->alias = *name;
    name = expectName();
    if (!name) return nullptr;
  }
  field->name = *name;
  std::optional<ast::List<ast::Argument>> arguments = parseArguments(false);
  if (!arguments) return nullptr;
  field->arguments = *arguments;
  std::optional<ast::List<ast::Directive>> directives = parseDirectives(false);
  if (!directives) return nullptr;
  field->directives = *directives;
  if (peek(TokenKind::kBraceL)) {
    std::optional<ast::List<ast::Selection>> selections = parseSelectionSet();
    if (!selections) return nullptr;
    field->selection_set = *selections;
  }
  return field;
}

const ast::Selection* Parser::parseFragment() {
  ast::Location at = location();
  advance();  // ...
  bool has_type_condition = peekKeyword("on");
  if (!has_type_condition && peek(TokenKind::kName)) {
    auto* spread = node<ast::FragmentSpread>(ast::Kind::kFragmentSpread, at);
    spread->name = token_.value;
    advance();
    std::optional<ast::List<ast::Directive>> directives = parseDirectives(false);
    if (!directives) return nullptr;
    spread->directives = *directives;
    return spread;
  }
  auto* fragment = node<ast::InlineFragment>(ast::Kind::kInlineFragment, at);
  if (has_type_condition) {
    advance();
    fragment->type_condition = parseNamedType();
    if (fragment->type_condition == nullptr) return nullptr;
  }
  std::optional<ast::List<ast::Directive>> directives = parseDirectives(false);
  if (!directives) return nullptr;
  fragment->directives = *directives;
  std::optional<ast::List<ast::Selection>> selections = parseSelectionSet();
  if (!selections) return nullptr;
  fragment->selection_set = *selections;
  return fragment;
}

const ast::FragmentDefinition* Parser::parseFragmentDefinition() {
  ast::Location at = location();
  advance();                                   // fragment
  if (peekKeyword("on")) return unexpected();  // FragmentName: Name but not `on`
  std::optional<std::string_view> name = expectName();
  if (!name || !expectKeyword("on")) return nullptr;
  auto* fragment = node<ast::FragmentDefinition>(ast::Kind::kFragmentDefinition, at);
  fragment->name = *name;
  fragment->type_condition = parseNamedType();
  if (fragment->type_condition == nullptr) return nullptr;
  std::optional<ast::List<ast::Directive>> directives = parseDirectives(false);
  if (!directives) return nullptr;
  fragment->directives = *directives;
  std::optional<ast::List<ast::Selection>> selections = parseSelectionSet();
  if (!selections) return nullptr;
  fragment->selection_set = *selections;
  return fragment;
}

}  // namespace detail

namespace {

ParseResult<const ast::Document*> parseWithMode(std::string_view source, Arena& arena,
                                                const ParseLimits& limits,
                                                detail::DocumentMode mode) {
  detail::Parser parser(source, arena, limits);
  const ast::Document* document = parser.parseDocument(mode);
  if (document == nullptr) return std::unexpected(parser.takeError());
  return document;
}

}  // namespace

ParseResult<const ast::Document*> parseExecutable(std::string_view source, Arena& arena,
                                                  const ParseLimits& limits) {
  return parseWithMode(source, arena, limits, detail::DocumentMode::kExecutable);
}

ParseResult<const ast::Document*> parseSchema(std::string_view source, Arena& arena,
                                              const ParseLimits& limits) {
  return parseWithMode(source, arena, limits, detail::DocumentMode::kSchema);
}

ParseResult<const ast::Document*> parseDocument(std::string_view source, Arena& arena,
                                                const ParseLimits& limits) {
  return parseWithMode(source, arena, limits, detail::DocumentMode::kAny);
}

ParseResult<const ast::Value*> parseValue(std::string_view source, Arena& arena, bool is_const,
                                          const ParseLimits& limits) {
  detail::Parser parser(source, arena, limits);
  const ast::Value* value = parser.parseSingleValue(is_const);
  if (value == nullptr) return std::unexpected(parser.takeError());
  return value;
}

ParseResult<const ast::Type*> parseType(std::string_view source, Arena& arena,
                                        const ParseLimits& limits) {
  detail::Parser parser(source, arena, limits);
  const ast::Type* type = parser.parseSingleType();
  if (type == nullptr) return std::unexpected(parser.takeError());
  return type;
}

}  // namespace graft::graphql
