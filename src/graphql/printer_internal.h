// The printer behind printer.h: executable parts and values in printer.cc, the type system in
// printer_sdl.cc. One Printer per call; it recurses once per nesting level of the tree, which
// the parser bounds (ParseLimits::max_depth).
#pragma once

#include <string>
#include <string_view>

#include "graphql/ast.h"
#include "graphql/ast_type_system.h"
#include "graphql/printer.h"

namespace graft::graphql::detail {

class Printer {
 public:
  explicit Printer(PrintStyle style) : style_(style) {}

  std::string take() { return std::move(out_); }

  void printNode(const ast::Node& node);
  void printDocument(const ast::Document& document);

 private:
  // ---- Layout (printer.cc) ----
  // A line break in kPretty (with the current indentation), a space in kCompact.
  void newline();
  // `{`, the items one per line, one level deeper, then `}`; nothing when empty.
  template <typename T, typename Fn>
  void block(ast::List<T> items, Fn print_item);
  template <typename T, typename Fn>
  void join(ast::List<T> items, std::string_view separator, Fn print_item);

  // ---- Executable parts and values (printer.cc) ----
  void printDefinition(const ast::Definition& definition);
  // Without allow_shorthand an anonymous query keeps its `query` keyword.
  void printOperation(const ast::OperationDefinition& operation, bool allow_shorthand);
  void printFragmentDefinition(const ast::FragmentDefinition& fragment);
  void printSelectionSet(ast::List<ast::Selection> selections);
  void printSelection(const ast::Selection& selection);
  void printVariableDefinition(const ast::VariableDefinition& definition);
  void printArguments(ast::List<ast::Argument> arguments);
  // Each directive preceded by a space.
  void printDirectives(ast::List<ast::Directive> directives);
  void printDirective(const ast::Directive& directive);
  void printValue(const ast::Value& value);
  void printString(const ast::StringValue& value);
  void printType(const ast::Type& type);

  // ---- Type system (printer_sdl.cc) ----
  void printTypeSystemDefinition(const ast::Definition& definition);
  void printDescription(const ast::StringValue* description);
  void printFieldDefinition(const ast::FieldDefinition& field);
  void printInputValueDefinition(const ast::InputValueDefinition& value);
  void printArgumentDefinitions(ast::List<ast::InputValueDefinition> arguments);
  void printImplements(ast::List<ast::NamedType> interfaces);

  PrintStyle style_;
  std::string out_;
  std::string indent_;
};

template <typename T, typename Fn>
void Printer::block(ast::List<T> items, Fn print_item) {
  if (items.empty()) return;
  out_ += '{';
  indent_ += "  ";
  for (const T* item : items) {
    newline();
    print_item(*item);
  }
  indent_.resize(indent_.size() - 2);
  newline();
  out_ += '}';
}

template <typename T, typename Fn>
void Printer::join(ast::List<T> items, std::string_view separator, Fn print_item) {
  bool first = true;
  for (const T* item : items) {
    if (!first) out_ += separator;
    first = false;
    print_item(*item);
  }
}

}  // namespace graft::graphql::detail
