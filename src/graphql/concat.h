// concat({"a", b, "c"}): builds error messages in one allocation. It also sidesteps GCC 12's
// false -Wrestrict warning on `"literal" + std::string` at -O2 (GCC bug 105329). Any thread.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace graft::graphql {

inline std::string concat(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (std::string_view part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  for (std::string_view part : parts) out += part;
  return out;
}

}  // namespace graft::graphql
