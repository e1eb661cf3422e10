#include "server/admin_access.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

namespace graft::server {

bool constantTimeEquals(std::string_view a, std::string_view b) {
  // Comparing digests hides the lengths as well as the first differing byte.
  unsigned char da[SHA256_DIGEST_LENGTH];
  unsigned char db[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(a.data()), a.size(), da);
  SHA256(reinterpret_cast<const unsigned char*>(b.data()), b.size(), db);
  return CRYPTO_memcmp(da, db, SHA256_DIGEST_LENGTH) == 0;
}

Status checkAdminAccess(const std::optional<std::string>& admin_secret, const Headers& headers) {
  if (admin_secret) {
    auto given = headers.get("x-hasura-admin-secret");
    if (!given) given = headers.get("x-hasura-access-key");
    if (!given) {
      return std::unexpected(
          Error::accessDenied("x-hasura-admin-secret/x-hasura-access-key required, but not found")
              .withStatus(401));
    }
    if (!constantTimeEquals(*given, *admin_secret)) {
      return std::unexpected(
          Error::accessDenied("invalid x-hasura-admin-secret/x-hasura-access-key").withStatus(401));
    }
  }
  auto role = headers.get("x-hasura-role");
  if (role && *role != "admin") {
    return std::unexpected(Error::accessDenied("restricted access : admin only"));
  }
  return ok();
}

}  // namespace graft::server
