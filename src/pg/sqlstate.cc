#include "pg/sqlstate.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <string>

namespace graft::pg {

namespace {

using Make = Error (*)(std::string);

// Specific SQLSTATEs first, then whole classes (the first two characters). Prefixes and the
// check-violation → permission-error choice follow Hasura v2's mkTxErrorHandler, so clients
// matching on Hasura's messages keep working.
struct Rule {
  std::string_view sqlstate;  // 5 characters, or a 2-character class
  Make make;
  std::string_view prefix;
  std::string_view replacement;  // when set, replaces the server's message entirely
};

Error constraintError(std::string message) {
  return Error("constraint-error", std::move(message), 400);
}

constexpr Rule kRules[] = {
    {"23001", &Error::constraintViolation, "Can not delete or update due to data being referred. ",
     ""},
    {"23502", &Error::constraintViolation, "Not-NULL violation. ", ""},
    {"23503", &Error::constraintViolation, "Foreign key violation. ", ""},
    {"23505", &Error::constraintViolation, "Uniqueness violation. ", ""},
    {"23514", &Error::permissionError, "Check constraint violation. ", ""},
    {"23P01", &Error::constraintViolation, "Exclusion violation. ", ""},
    {"22025", &Error::badRequest, "", ""},  // invalid_escape_sequence (e.g. in _like)
    {"42501", &Error::permissionError, "", ""},
    {"42P10", &constraintError, "",
     "there is no unique or exclusion constraint on target column(s)"},
    {"42704", &constraintError, "", ""},
    {"53300", &Error::postgresMaxConnections, "", ""},
    {"23", &Error::constraintViolation, "", ""},
    {"22", &Error::dataException, "", ""},
};

const Rule* findRule(std::string_view sqlstate) {
  for (const Rule& rule : kRules) {
    if (rule.sqlstate.size() == 5 && rule.sqlstate == sqlstate) return &rule;
  }
  for (const Rule& rule : kRules) {
    if (rule.sqlstate.size() == 2 && sqlstate.substr(0, 2) == rule.sqlstate) return &rule;
  }
  return nullptr;
}

boost::json::value orNull(std::string_view text) {
  if (text.empty()) return nullptr;
  return boost::json::string(text);
}

}  // namespace

std::string serverErrorInternal(std::string_view sqlstate, std::string_view message,
                                std::string_view detail, std::string_view hint,
                                std::string_view statement) {
  boost::json::object error;
  error["exec_status"] = "FatalError";
  error["message"] = message;
  error["status_code"] = orNull(sqlstate);
  error["description"] = orNull(detail);
  error["hint"] = orNull(hint);
  boost::json::object internal;
  internal["error"] = std::move(error);
  internal["statement"] = statement;
  return boost::json::serialize(internal);
}

Error errorFromServer(std::string_view sqlstate, std::string_view message, std::string_view detail,
                      std::string_view hint, std::string_view statement) {
  Error error = Error::postgresError(std::string(message));
  if (const Rule* rule = findRule(sqlstate)) {
    std::string text = rule->replacement.empty() ? std::string(rule->prefix) + std::string(message)
                                                 : std::string(rule->replacement);
    error = rule->make(std::move(text));
  }
  error.withInternal(serverErrorInternal(sqlstate, message, detail, hint, statement));
  return error;
}

}  // namespace graft::pg
