#include "pg/quote.h"

namespace graft::pg {

std::string quoteIdentifier(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '"';
  for (char c : name) {
    if (c == '"') out += '"';
    // A NUL cannot be part of an identifier and would cut the statement short in libpq.
    if (c != '\0') out += c;
  }
  out += '"';
  return out;
}

std::string quoteQualified(std::string_view schema, std::string_view name) {
  return quoteIdentifier(schema) + "." + quoteIdentifier(name);
}

}  // namespace graft::pg
