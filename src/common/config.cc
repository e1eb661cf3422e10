#include "common/config.h"

#include <algorithm>

namespace graft {

bool ServerConfig::apiEnabled(std::string_view api) const {
  return std::find(enabled_apis.begin(), enabled_apis.end(), api) != enabled_apis.end();
}

}  // namespace graft
