// Identifier quoting for SQL text: the one function through which every table, column and
// schema name reaches a statement (values never do: they are bound parameters).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace graft::pg {

// "name" with embedded double quotes doubled; always quoted, so case and keywords survive.
std::string quoteIdentifier(std::string_view name);

// "schema"."name".
std::string quoteQualified(std::string_view schema, std::string_view name);

// 'value' with embedded single quotes doubled (standard_conforming_strings, on since 9.1).
std::string quoteLiteral(std::string_view value);

// The statement with every $n outside quoted identifiers and string literals replaced by its
// value as a literal (NULL for nullopt): runnable SQL text for /v1/graphql/explain, which shows
// values inline as Hasura does. Never used to run a request: requests bind their parameters.
std::string inlineParameters(std::string_view sql,
                             const std::vector<std::optional<std::string>>& params);

}  // namespace graft::pg
