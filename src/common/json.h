// JSON helpers on Boost.JSON: parsing request bodies into Results, and the two Hasura error
// shapes. Include only where JSON is handled; Boost.JSON itself is compiled once (libboost_json).
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "common/result.h"

namespace graft::json {

namespace bj = boost::json;

// Parses a whole document; a syntax error becomes Hasura's parse-failed error.
Result<bj::value> parse(std::string_view text);

std::string serialize(const bj::value& value);

// {"path":…,"error":…,"code":…}: the error body of /v1/metadata, /v1/query, /v2/query and of
// transport-level failures. `with_internal` adds the internal detail (admins, dev mode).
bj::object queryApiError(const Error& error, bool with_internal = false);

// {"message":…,"extensions":{"path":…,"code":…}}: one element of a GraphQL "errors" array.
bj::object graphqlError(const Error& error, bool with_internal = false);

}  // namespace graft::json
