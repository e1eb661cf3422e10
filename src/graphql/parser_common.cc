// Tokens, errors and limits of the parser, and the rules shared by executable and schema
// documents: values, type references, directives and arguments.
#include <algorithm>

#include "graphql/concat.h"
#include "graphql/parser_internal.h"

namespace graft::graphql::detail {
namespace {

// Error messages quote at most this many bytes of a token.
constexpr size_t kMaxQuoted = 40;

std::string quoted(std::string_view text) {
  if (text.size() > kMaxQuoted) {
    // Cut on a character boundary so the message stays valid UTF-8.
    size_t cut = kMaxQuoted;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return concat({"\"", text.substr(0, cut), "...\""});
  }
  return concat({"\"", text, "\""});
}

}  // namespace

Parser::Parser(std::string_view source, Arena& arena, const ParseLimits& limits)
    : lexer_(source, arena), arena_(arena), source_(source), limits_(limits) {
  limits_.max_depth = std::min(limits_.max_depth, kMaxDepthCeiling);
}

bool Parser::start() {
  if (source_.size() > limits_.max_bytes) {
    fail(SyntaxError::Kind::kDocumentTooLarge, {},
         concat({"Document is ", std::to_string(source_.size()), " bytes, more than the limit of ",
                 std::to_string(limits_.max_bytes), " bytes."}));
    return false;
  }
  advance();
  return !failed();
}

void Parser::advance() {
  token_ = lexer_.next();
  if (token_.kind == TokenKind::kError) {
    if (!failed()) error_ = lexer_.error();
    return;
  }
  if (token_.kind != TokenKind::kEof && ++tokens_ > limits_.max_tokens) {
    fail(SyntaxError::Kind::kTooManyTokens, location(),
         concat({"Document has more than ", std::to_string(limits_.max_tokens), " tokens."}));
    token_.kind = TokenKind::kError;
  }
}

bool Parser::skip(TokenKind kind) {
  if (token_.kind != kind) return false;
  advance();
  return true;
}

bool Parser::skipKeyword(std::string_view word) {
  if (!peekKeyword(word)) return false;
  advance();
  return true;
}

bool Parser::expect(TokenKind kind) {
  if (skip(kind)) return true;
  std::string_view quote = kind == TokenKind::kEof ? "" : "\"";
  fail(SyntaxError::Kind::kSyntax, location(),
       concat({"Expected ", quote, tokenKindName(kind), quote, ", found ", describeToken(), "."}));
  return false;
}

bool Parser::expectKeyword(std::string_view word) {
  if (skipKeyword(word)) return true;
  fail(SyntaxError::Kind::kSyntax, location(),
       concat({"Expected \"", word, "\", found ", describeToken(), "."}));
  return false;
}

std::optional<std::string_view> Parser::expectName() {
  if (token_.kind == TokenKind::kName) {
    std::string_view name = token_.value;
    advance();
    return name;
  }
  fail(SyntaxError::Kind::kSyntax, location(),
       concat({"Expected Name, found ", describeToken(), "."}));
  return std::nullopt;
}

std::nullptr_t Parser::fail(SyntaxError::Kind kind, ast::Location at, std::string message) {
  if (!failed()) error_ = SyntaxError{kind, at.line, at.column, std::move(message)};
  return nullptr;
}

std::nullptr_t Parser::unexpected() {
  return fail(SyntaxError::Kind::kSyntax, location(),
              concat({"Unexpected ", describeToken(), "."}));
}

std::string Parser::describeToken() const {
  switch (token_.kind) {
    case TokenKind::kName:
    case TokenKind::kInt:
    case TokenKind::kFloat:
    case TokenKind::kString:
    case TokenKind::kBlockString:
      return concat({tokenKindName(token_.kind), " ", quoted(token_.value)});
    case TokenKind::kEof:
    case TokenKind::kError:
      return std::string(tokenKindName(token_.kind));
    default:
      return concat({"\"", tokenKindName(token_.kind), "\""});
  }
}

Parser::DepthGuard::DepthGuard(Parser& parser) : parser_(parser) {
  ok_ = ++parser_.depth_ <= parser_.limits_.max_depth;
  if (!ok_) {
    parser_.fail(SyntaxError::Kind::kTooDeep, parser_.location(),
                 concat({"Document is nested deeper than the limit of ",
                         std::to_string(parser_.limits_.max_depth), " levels."}));
  }
}

// ---- Values ----

const ast::Value* Parser::parseValue(bool is_const) {
  ast::Location at = location();
  switch (token_.kind) {
    case TokenKind::kBracketL:
      return parseListValue(is_const);
    case TokenKind::kBraceL:
      return parseObjectValue(is_const);
    case TokenKind::kInt: {
      auto* value = node<ast::IntValue>(ast::Kind::kIntValue, at);
      value->text = token_.value;
      advance();
      return value;
    }
    case TokenKind::kFloat: {
      auto* value = node<ast::FloatValue>(ast::Kind::kFloatValue, at);
      value->text = token_.value;
      advance();
      return value;
    }
    case TokenKind::kString:
    case TokenKind::kBlockString: {
      auto* value = node<ast::StringValue>(ast::Kind::kStringValue, at);
      value->value = token_.value;
      value->block = token_.kind == TokenKind::kBlockString;
      advance();
      return value;
    }
    case TokenKind::kName: {
      std::string_view name = token_.value;
      advance();
      if (name == "true" || name == "false") {
        auto* value = node<ast::BooleanValue>(ast::Kind::kBooleanValue, at);
        value->value = name == "true";
        return value;
      }
      if (name == "null") return node<ast::NullValue>(ast::Kind::kNullValue, at);
      auto* value = node<ast::EnumValue>(ast::Kind::kEnumValue, at);
      value->value = name;
      return value;
    }
    case TokenKind::kDollar: {
      const ast::Variable* variable = parseVariable();
      if (variable != nullptr && is_const) {
        return fail(SyntaxError::Kind::kSyntax, at,
                    concat({"Unexpected variable \"$", variable->name, "\" in constant value."}));
      }
      return variable;
    }
    default:
      return unexpected();
  }
}

const ast::Value* Parser::parseListValue(bool is_const) {
  ast::Location at = location();
  DepthGuard depth(*this);
  if (!depth.ok()) return nullptr;
  advance();  // [
  size_t items = mark();
  while (!skip(TokenKind::kBracketR)) {
    const ast::Value* item = parseValue(is_const);
    if (item == nullptr) return nullptr;
    push(item);
  }
  auto* list = node<ast::ListValue>(ast::Kind::kListValue, at);
  list->values = finish<ast::Value>(items);
  return list;
}

const ast::Value* Parser::parseObjectValue(bool is_const) {
  ast::Location at = location();
  DepthGuard depth(*this);
  if (!depth.ok()) return nullptr;
  advance();  // {
  size_t fields = mark();
  while (!skip(TokenKind::kBraceR)) {
    ast::Location field_at = location();
    std::optional<std::string_view> name = expectName();
    if (!name || !expect(TokenKind::kColon)) return nullptr;
    const ast::Value* value = parseValue(is_const);
    if (value == nullptr) return nullptr;
    auto* field = node<ast::ObjectField>(ast::Kind::kObjectField, field_at);
    field->name = *name;
    field->value = value;
    push(field);
  }
  auto* object = node<ast::ObjectValue>(ast::Kind::kObjectValue, at);
  object->fields = finish<ast::ObjectField>(fields);
  return object;
}

const ast::Variable* Parser::parseVariable() {
  ast::Location at = location();
  if (!expect(TokenKind::kDollar)) return nullptr;
  std::optional<std::string_view> name = expectName();
  if (!name) return nullptr;
  auto* variable = node<ast::Variable>(ast::Kind::kVariable, at);
  variable->name = *name;
  return variable;
}

// ---- Type references ----

const ast::Type* Parser::parseType() {
  ast::Location at = location();
  const ast::Type* type = nullptr;
  if (peek(TokenKind::kBracketL)) {
    DepthGuard depth(*this);
    if (!depth.ok()) return nullptr;
    advance();
    const ast::Type* item = parseType();
    if (item == nullptr || !expect(TokenKind::kBracketR)) return nullptr;
    auto* list = node<ast::ListType>(ast::Kind::kListType, at);
    list->type = item;
    type = list;
  } else {
    type = parseNamedType();
    if (type == nullptr) return nullptr;
  }
  if (skip(TokenKind::kBang)) {
    auto* non_null = node<ast::NonNullType>(ast::Kind::kNonNullType, at);
    non_null->type = type;
    type = non_null;
  }
  return type;
}

const ast::NamedType* Parser::parseNamedType() {
  ast::Location at = location();
  std::optional<std::string_view> name = expectName();
  if (!name) return nullptr;
  auto* type = node<ast::NamedType>(ast::Kind::kNamedType, at);
  type->name = *name;
  return type;
}

// ---- Directives and arguments ----

std::optional<ast::List<ast::Directive>> Parser::parseDirectives(bool is_const) {
  size_t directives = mark();
  while (peek(TokenKind::kAt)) {
    ast::Location at = location();
    advance();
    std::optional<std::string_view> name = expectName();
    if (!name) return std::nullopt;
    std::optional<ast::List<ast::Argument>> arguments = parseArguments(is_const);
    if (!arguments) return std::nullopt;
    auto* directive = node<ast::Directive>(ast::Kind::kDirective, at);
    directive->name = *name;
    directive->arguments = *arguments;
    push(directive);
  }
  return finish<ast::Directive>(directives);
}

std::optional<ast::List<ast::Argument>> Parser::parseArguments(bool is_const) {
  if (!skip(TokenKind::kParenL)) return ast::List<ast::Argument>{};
  size_t arguments = mark();
  do {
    ast::Location at = location();
    std::optional<std::string_view> name = expectName();
    if (!name || !expect(TokenKind::kColon)) return std::nullopt;
    const ast::Value* value = parseValue(is_const);
    if (value == nullptr) return std::nullopt;
    auto* argument = node<ast::Argument>(ast::Kind::kArgument, at);
    argument->name = *name;
    argument->value = value;
    push(argument);
  } while (!skip(TokenKind::kParenR));
  return finish<ast::Argument>(arguments);
}

}  // namespace graft::graphql::detail
