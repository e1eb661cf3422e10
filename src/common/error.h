// Error: a user-facing failure in Hasura's vocabulary (code, message, JSON path, HTTP status),
// plus an internal detail shown to admins only when the configuration allows it.
// Value type; safe to copy and move between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace graft {

class Error {
 public:
  Error(std::string code, std::string message, int http_status = 400);

  // Named constructors, one per Hasura error code we produce.
  static Error validationFailed(std::string message);
  static Error parseFailed(std::string message);
  static Error notFound(std::string message);
  static Error alreadyExists(std::string message);
  static Error notSupported(std::string message);
  static Error badRequest(std::string message);
  static Error accessDenied(std::string message);
  static Error permissionDenied(std::string message);
  static Error permissionError(std::string message);
  static Error constraintViolation(std::string message);
  static Error dataException(std::string message);
  static Error postgresError(std::string message);
  static Error postgresMaxConnections(std::string message);
  static Error connectionError(std::string message);
  static Error timeout(std::string message);
  static Error payloadTooLarge(std::string message);
  static Error unexpected(std::string message);
  // Authentication (all 400, as Hasura answers them).
  static Error invalidJwt(std::string message);
  static Error jwtInvalidClaims(std::string message);
  static Error jwtMissingRoleClaims(std::string message);
  static Error invalidHeaders(std::string message);
  static Error invalidParams(std::string message);

  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  // JSON path of the offending input, "$" when it concerns the whole request.
  const std::string& path() const { return path_; }
  int httpStatus() const { return http_status_; }
  // Serialized JSON (or plain text) with internals such as a SQL statement or a SQLSTATE.
  const std::optional<std::string>& internal() const { return internal_; }

  // Prefixes the path as the error travels up: err.atPath("args") turns "$.where" into
  // "$.args.where".
  Error& atPath(std::string_view segment);
  Error& withPath(std::string path);
  Error& withInternal(std::string detail);
  Error& withStatus(int http_status);

 private:
  std::string code_;
  std::string message_;
  std::string path_ = "$";
  int http_status_;
  std::optional<std::string> internal_;
};

}  // namespace graft
