// Printing syntax trees back to GraphQL text, in one canonical layout, so that
// print(parse(print(x))) == print(x). Pure functions over read-only trees; any thread.
//
// kPretty is graphql-js's print(): two-space indentation, one selection / field / enum value per
// line, `{` on the line that opens it, `a: 1, b: 2` inside argument lists and values, blank
// lines between definitions, no trailing newline. Differences: argument lists are never wrapped
// at 80 columns; empty lines inside block strings are not indented; a value marked as a block
// string that no block string can represent exactly is printed as a quoted string.
// kCompact is the same token sequence on one line (each newline + indentation becomes one
// space) with every string quoted, e.g. `query Q($id: Int!) { user(id: $id) { name } }`.
#pragma once

#include <string>
#include <string_view>

#include "graphql/ast.h"

namespace graft::graphql {

enum class PrintStyle { kPretty, kCompact };

std::string print(const ast::Document& document, PrintStyle style = PrintStyle::kPretty);
// Any single node: a definition, selection, value, type, directive, argument, ...
std::string print(const ast::Node& node, PrintStyle style = PrintStyle::kPretty);

// Appends `value` as a quoted GraphQL string: `"`, `\` and control characters (C0, DEL and
// C1) are escaped (\n, \t, ... or \u00XX); everything else is copied as UTF-8.
void appendQuotedString(std::string_view value, std::string& out);

}  // namespace graft::graphql
