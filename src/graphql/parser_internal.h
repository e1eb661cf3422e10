// The recursive-descent parser behind parser.h, split by grammar part: tokens, values, types
// and directives (parser_common.cc), executable definitions (parser_executable.cc), type
// system (parser_sdl.cc). One Parser per document; not thread-safe.
//
// Failure protocol: parse functions return nullptr (or false) after recording the first error
// in error_; later errors are dropped so the message names the real cause. Once the lexer
// fails, the current token becomes kError, which no rule accepts, so every loop ends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/arena.h"
#include "graphql/ast.h"
#include "graphql/ast_type_system.h"
#include "graphql/lexer.h"
#include "graphql/parser.h"
#include "graphql/syntax_error.h"

namespace graft::graphql::detail {

enum class DocumentMode : uint8_t { kExecutable, kSchema, kAny };

class Parser {
 public:
  Parser(std::string_view source, Arena& arena, const ParseLimits& limits);

  const ast::Document* parseDocument(DocumentMode mode);
  const ast::Value* parseSingleValue(bool is_const);
  const ast::Type* parseSingleType();

  // REQUIRES: a parse function returned failure.
  SyntaxError takeError() { return std::move(*error_); }

 private:
  // ---- Tokens, errors, limits (parser_common.cc) ----
  bool start();
  void advance();
  bool peek(TokenKind kind) const { return token_.kind == kind; }
  bool peekKeyword(std::string_view word) const {
    return token_.kind == TokenKind::kName && token_.value == word;
  }
  // Consumes the token if it is of this kind.
  bool skip(TokenKind kind);
  bool skipKeyword(std::string_view word);
  bool expect(TokenKind kind);
  bool expectKeyword(std::string_view word);
  std::optional<std::string_view> expectName();
  ast::Location location() const { return {token_.line, token_.column}; }
  std::nullptr_t fail(SyntaxError::Kind kind, ast::Location at, std::string message);
  std::nullptr_t unexpected();
  std::string describeToken() const;
  bool failed() const { return error_.has_value(); }

  // Nesting depth: each recursive rule holds a DepthGuard while it recurses.
  class DepthGuard {
   public:
    explicit DepthGuard(Parser& parser);
    ~DepthGuard() { --parser_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    bool ok() const { return ok_; }

   private:
    Parser& parser_;
    bool ok_;
  };

  template <typename T>
  T* node(ast::Kind kind, ast::Location at) {
    T* n = arena_.make<T>();
    n->kind = kind;
    n->loc = at;
    return n;
  }

  // Lists are collected on one scratch stack (rules nest, so it is used LIFO) and copied into
  // the arena once complete, so no node owns a growable container.
  size_t mark() const { return scratch_.size(); }
  void push(const ast::Node* item) { scratch_.push_back(item); }
  template <typename T>
  ast::List<T> finish(size_t mark) {
    size_t n = scratch_.size() - mark;
    if (n == 0) return {};
    auto** items = static_cast<const T**>(arena_.allocate(n * sizeof(T*), alignof(T*)));
    for (size_t i = 0; i < n; ++i) items[i] = static_cast<const T*>(scratch_[mark + i]);
    scratch_.resize(mark);
    return {items, n};
  }

  // ---- Values, types, directives, arguments (parser_common.cc) ----
  const ast::Value* parseValue(bool is_const);
  const ast::Value* parseListValue(bool is_const);
  const ast::Value* parseObjectValue(bool is_const);
  const ast::Variable* parseVariable();
  const ast::Type* parseType();
  const ast::NamedType* parseNamedType();
  std::optional<ast::List<ast::Directive>> parseDirectives(bool is_const);
  std::optional<ast::List<ast::Argument>> parseArguments(bool is_const);

  // ---- Executable definitions (parser_executable.cc) ----
  const ast::Definition* parseDefinition();
  const ast::OperationDefinition* parseOperationDefinition();
  std::optional<ast::List<ast::VariableDefinition>> parseVariableDefinitions();
  std::optional<ast::List<ast::Selection>> parseSelectionSet();
  const ast::Field* parseField();
  const ast::Selection* parseFragment();
  const ast::FragmentDefinition* parseFragmentDefinition();
  // What every named type definition has after its keyword: description, name, directives.
  // False (the error recorded) when it does not parse.
  template <typename T>
  bool parseTypeHeader(T* type, const ast::StringValue* description) {
    type->description = description;
    std::optional<std::string_view> name = expectName();
    if (!name) return false;
    type->name = *name;
    std::optional<ast::List<ast::Directive>> directives = parseDirectives(true);
    if (!directives) return false;
    type->directives = *directives;
    return true;
  }
  bool checkMode(const ast::Definition& definition);

  // ---- Type system (parser_sdl.cc) ----
  const ast::Definition* parseTypeSystemDefinition();
  const ast::Definition* parseTypeSystemExtension();
  const ast::StringValue* parseDescription();
  const ast::Definition* parseSchemaDefinition(ast::Kind kind, const ast::StringValue* description,
                                               ast::Location at);
  const ast::Definition* parseScalarTypeDefinition(ast::Kind kind,
                                                   const ast::StringValue* description,
                                                   ast::Location at);
  template <typename T>
  const ast::Definition* parseObjectOrInterface(ast::Kind kind, const ast::StringValue* description,
                                                ast::Location at);
  const ast::Definition* parseUnionTypeDefinition(ast::Kind kind,
                                                  const ast::StringValue* description,
                                                  ast::Location at);
  const ast::Definition* parseEnumTypeDefinition(ast::Kind kind,
                                                 const ast::StringValue* description,
                                                 ast::Location at);
  const ast::Definition* parseInputObjectTypeDefinition(ast::Kind kind,
                                                        const ast::StringValue* description,
                                                        ast::Location at);
  const ast::Definition* parseDirectiveDefinition(const ast::StringValue* description,
                                                  ast::Location at);
  std::optional<ast::List<ast::NamedType>> parseImplementsInterfaces();
  std::optional<ast::List<ast::FieldDefinition>> parseFieldsDefinition();
  std::optional<ast::List<ast::InputValueDefinition>> parseInputValueDefinitions(TokenKind open,
                                                                                 TokenKind close);
  const ast::InputValueDefinition* parseInputValueDefinition();

  Lexer lexer_;
  Arena& arena_;
  std::string_view source_;
  ParseLimits limits_;
  DocumentMode mode_ = DocumentMode::kAny;
  Token token_;
  size_t tokens_ = 0;
  uint32_t depth_ = 0;
  std::vector<const ast::Node*> scratch_;
  std::optional<SyntaxError> error_;
};

}  // namespace graft::graphql::detail
