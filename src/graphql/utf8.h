// UTF-8 helpers for the lexer and the printer: strict decoding (Unicode scalar values only, no
// overlong forms) and encoding. Pure functions; any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace graft::graphql::utf8 {

// Decodes the character at the start of `text`; returns its length in bytes, or 0 when the
// bytes there are not a well-formed encoding of a Unicode scalar value.
size_t decode(std::string_view text, uint32_t& code_point);

// The length a sequence starting with `lead` claims (1 for ASCII and for invalid lead bytes).
size_t sequenceLength(char lead);

// REQUIRES: code_point is a Unicode scalar value.
void append(uint32_t code_point, std::string& out);

}  // namespace graft::graphql::utf8
