// Parsing GraphQL documents (October 2021 grammar) into an arena-allocated syntax tree, with
// limits against hostile input. The tree lives in the caller's Arena and points into
// `source`: both must outlive it. Reentrant: any number of threads may parse at once, each
// with its own arena.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <string_view>

#include "graphql/arena.h"
#include "graphql/ast.h"
#include "graphql/ast_type_system.h"
#include "graphql/syntax_error.h"

namespace graft::graphql {

// The parser recurses once per nesting level (selection set, list or object value, list
// type), so max_depth also bounds its stack. Measured by parser_limits_test.cc (parse, then
// print, of the worst shape): at most ~290 bytes per level in Release, ~450 in Debug, ~950 in
// Debug+ASan; so at most ~240 KiB at the default depth of 256 and ~1 MiB at kMaxDepthCeiling,
// in any build, against 8 MiB thread stacks. The test fails above 2 KiB per level. Later passes
// over the tree may recurse too, within the same bound per level.
inline constexpr uint32_t kMaxDepthCeiling = 1024;

struct ParseLimits {
  size_t max_bytes = 8 * 1024 * 1024;  // the whole document
  size_t max_tokens = 1'000'000;       // punctuators, names, numbers, strings
  uint32_t max_depth = 256;            // nesting levels; values above kMaxDepthCeiling are capped
};

template <typename T>
using ParseResult = std::expected<T, SyntaxError>;

// An executable document: operations and fragments only. A type-system definition or
// extension is rejected (SyntaxError::Kind::kNotExecutable) after it has been parsed, so that
// a syntax error inside it is reported as such.
ParseResult<const ast::Document*> parseExecutable(std::string_view source, Arena& arena,
                                                  const ParseLimits& limits = {});

// A schema document (SDL): type-system definitions and extensions only
// (SyntaxError::Kind::kNotTypeSystem for an operation or fragment).
ParseResult<const ast::Document*> parseSchema(std::string_view source, Arena& arena,
                                              const ParseLimits& limits = {});

// Any mix of executable and type-system definitions.
ParseResult<const ast::Document*> parseDocument(std::string_view source, Arena& arena,
                                                const ParseLimits& limits = {});

// A single value, e.g. a default value kept as text; `is_const` rejects variables.
ParseResult<const ast::Value*> parseValue(std::string_view source, Arena& arena, bool is_const,
                                          const ParseLimits& limits = {});

// A single type reference such as `[Int!]!`.
ParseResult<const ast::Type*> parseType(std::string_view source, Arena& arena,
                                        const ParseLimits& limits = {});

}  // namespace graft::graphql
