// Block strings ("""..."""): the spec's BlockStringValue() (common indentation and blank
// first/last lines removed, line terminators normalized to \n, \""" unescaped) and the
// inverse used by the printer. Pure functions; any thread.
#pragma once

#include <string>
#include <string_view>

namespace graft::graphql {

// `raw` is the text between the quotes, exactly as in the source. The result is a view into
// `raw` when the value is a contiguous part of it, else a view into `scratch` (overwritten).
std::string_view blockStringValue(std::string_view raw, std::string& scratch);

// Appends `value` as a block string whose content lines are prefixed with `indent` (the
// indentation of the line the string starts on), in graphql-js style: `"""short"""` on one line
// when possible, else the quotes on lines of their own. Returns false, appending nothing, when
// no block string has exactly this value (e.g. it starts or ends with a blank line).
bool appendBlockString(std::string_view value, std::string_view indent, std::string& out);

}  // namespace graft::graphql
