// The `path` argument of json and jsonb column fields ("$.a.b[0]", "objs[0]['你好']"), read as
// Hasura reads it into the keys of Postgres's #> operator.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace graft::planner {

// The path's steps, each a key or an array index in its text form ("0"), as `json #> text[]`
// takes them; empty for "$" (the whole value). nullopt when the path is malformed.
//
// Grammar (Hasura's Data.Parser.JSONPath): an optional "$", then steps, each either a name
// after an optional "." (a letter or "_", then letters, digits, "_" or "-") or a bracket after
// an optional ".": [digits], ['key'] or ["key"], where a backslash escapes the next character.
std::optional<std::vector<std::string>> parseJsonPath(std::string_view path);

// Hasura's message for a path parseJsonPath rejects.
std::string jsonPathError(std::string_view path);

}  // namespace graft::planner
