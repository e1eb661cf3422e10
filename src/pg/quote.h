// Identifier quoting for SQL text: the one function through which every table, column and
// schema name reaches a statement (values never do: they are bound parameters).
#pragma once

#include <string>
#include <string_view>

namespace graft::pg {

// "name" with embedded double quotes doubled; always quoted, so case and keywords survive.
std::string quoteIdentifier(std::string_view name);

// "schema"."name".
std::string quoteQualified(std::string_view schema, std::string_view name);

}  // namespace graft::pg
