#include "common/error.h"

#include <utility>

namespace graft {

Error::Error(std::string code, std::string message, int http_status)
    : code_(std::move(code)), message_(std::move(message)), http_status_(http_status) {}

Error Error::validationFailed(std::string m) { return {"validation-failed", std::move(m), 400}; }
Error Error::parseFailed(std::string m) { return {"parse-failed", std::move(m), 400}; }
Error Error::notFound(std::string m) { return {"not-found", std::move(m), 404}; }
Error Error::alreadyExists(std::string m) { return {"already-exists", std::move(m), 400}; }
Error Error::notSupported(std::string m) { return {"not-supported", std::move(m), 400}; }
Error Error::badRequest(std::string m) { return {"bad-request", std::move(m), 400}; }
Error Error::accessDenied(std::string m) { return {"access-denied", std::move(m), 400}; }
Error Error::permissionDenied(std::string m) { return {"permission-denied", std::move(m), 400}; }
Error Error::permissionError(std::string m) { return {"permission-error", std::move(m), 400}; }
Error Error::constraintViolation(std::string m) {
  return {"constraint-violation", std::move(m), 400};
}
Error Error::dataException(std::string m) { return {"data-exception", std::move(m), 400}; }
Error Error::postgresError(std::string m) { return {"postgres-error", std::move(m), 500}; }
Error Error::postgresMaxConnections(std::string m) {
  return {"postgres-max-connections-error", std::move(m), 500};
}
Error Error::connectionError(std::string m) { return {"connection-error", std::move(m), 500}; }
Error Error::timeout(std::string m) { return {"timeout", std::move(m), 500}; }
Error Error::payloadTooLarge(std::string m) { return {"bad-request", std::move(m), 413}; }
Error Error::unexpected(std::string m) { return {"unexpected", std::move(m), 500}; }
Error Error::invalidJwt(std::string m) { return {"invalid-jwt", std::move(m), 400}; }
Error Error::jwtInvalidClaims(std::string m) { return {"jwt-invalid-claims", std::move(m), 400}; }
Error Error::jwtMissingRoleClaims(std::string m) {
  return {"jwt-missing-role-claims", std::move(m), 400};
}
Error Error::invalidHeaders(std::string m) { return {"invalid-headers", std::move(m), 400}; }
Error Error::invalidParams(std::string m) { return {"invalid-params", std::move(m), 400}; }

Error& Error::atPath(std::string_view segment) {
  // path_ always starts with "$"; insert the new segment right after it.
  std::string rest = path_.substr(1);
  path_ = "$.";
  path_.append(segment);
  path_ += rest;
  return *this;
}

Error& Error::withPath(std::string path) {
  path_ = std::move(path);
  return *this;
}

Error& Error::withInternal(std::string detail) {
  internal_ = std::move(detail);
  return *this;
}

Error& Error::withStatus(int http_status) {
  http_status_ = http_status;
  return *this;
}

}  // namespace graft
