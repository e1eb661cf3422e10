#include "common/json.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace graft::json {

Result<bj::value> parse(std::string_view text) {
  boost::system::error_code ec;
  bj::value value = bj::parse(text, ec);
  if (ec) {
    return std::unexpected(Error::parseFailed("Error in $: " + ec.message()));
  }
  return value;
}

std::string serialize(const bj::value& value) { return bj::serialize(value); }

namespace {

bj::value internalValue(const std::string& detail) {
  boost::system::error_code ec;
  bj::value parsed = bj::parse(detail, ec);
  if (ec) return bj::string(detail);
  return parsed;
}

}  // namespace

bj::object queryApiError(const Error& error, bool with_internal) {
  bj::object body;
  body["path"] = error.path();
  body["error"] = error.message();
  body["code"] = error.code();
  if (with_internal && error.internal()) body["internal"] = internalValue(*error.internal());
  return body;
}

bj::object graphqlError(const Error& error, bool with_internal) {
  bj::object extensions;
  extensions["path"] = error.path();
  extensions["code"] = error.code();
  if (with_internal && error.internal()) {
    extensions["internal"] = internalValue(*error.internal());
  }
  bj::object body;
  body["extensions"] = std::move(extensions);
  body["message"] = error.message();
  return body;
}

}  // namespace graft::json
