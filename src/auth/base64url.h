// Base64url (RFC 4648 §5, no padding) as JWS and JWK use it. Pure functions; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace graft::auth {

// Decodes unpadded base64url (trailing '=' padding is tolerated); nullopt on any other
// character or an impossible length.
std::optional<std::string> base64UrlDecode(std::string_view text);
std::string base64UrlEncode(std::string_view bytes);

}  // namespace graft::auth
