// SyntaxError: why a GraphQL document could not be lexed or parsed, with the 1-based line and
// column of the offending character or token. Value type; any thread.
//
// Hasura v2 answers every unparsable query on /v1/graphql with HTTP 200 and
// {"errors":[{"extensions":{"path":"$.query","code":"validation-failed"},
// "message":"not a valid graphql query"}]} (hasura-tests graphql_query/boolexp/ltree), and a
// stored query that does not parse (query collections) with parse-failed "parsing the graphql
// query failed". So the HTTP layer picks the message; this type keeps the detail (graphql-js
// wording plus position) for logs, admins and Graft's own APIs via describe() / toError().
#pragma once

#include <cstdint>
#include <string>

#include "common/error.h"

namespace graft::graphql {

struct SyntaxError {
  enum class Kind : uint8_t {
    kSyntax,            // the text does not follow the grammar (or the lexical rules)
    kNotExecutable,     // a type-system definition in an executable document
    kNotTypeSystem,     // an operation or fragment in a schema document
    kDocumentTooLarge,  // ParseLimits::max_bytes
    kTooManyTokens,     // ParseLimits::max_tokens
    kTooDeep,           // ParseLimits::max_depth
  };

  Kind kind = Kind::kSyntax;
  uint32_t line = 0;    // 0 for kDocumentTooLarge, which is decided before reading anything
  uint32_t column = 0;  // counts Unicode code points
  // graphql-js wording without the position, e.g. `Expected Name, found "}".`
  std::string message;

  // "Syntax Error: <message> (line L, column C)" — Error::parseFailed, path "$".
  std::string describe() const;
  Error toError() const;
};

}  // namespace graft::graphql
