#include "auth/admin_secret.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

namespace graft::auth {

bool constantTimeEquals(std::string_view a, std::string_view b) {
  // Comparing digests hides the lengths as well as the first differing byte.
  unsigned char da[SHA256_DIGEST_LENGTH];
  unsigned char db[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(a.data()), a.size(), da);
  SHA256(reinterpret_cast<const unsigned char*>(b.data()), b.size(), db);
  return CRYPTO_memcmp(da, db, SHA256_DIGEST_LENGTH) == 0;
}

}  // namespace graft::auth
