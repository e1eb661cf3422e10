#include "pg/quote.h"

#include <algorithm>

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

std::string quoteLiteral(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  out += '\'';
  for (char c : value) {
    if (c == '\'') out += '\'';
    if (c != '\0') out += c;
  }
  out += '\'';
  return out;
}

std::string inlineParameters(std::string_view sql,
                             const std::vector<std::optional<std::string>>& params) {
  std::string out;
  out.reserve(sql.size());
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '"' || c == '\'') {  // copy the quoted run whole; a doubled quote stays inside
      size_t end = i + 1;
      while (end < sql.size()) {
        if (sql[end] == c) {
          if (end + 1 < sql.size() && sql[end + 1] == c) {
            end += 2;
            continue;
          }
          break;
        }
        ++end;
      }
      end = std::min(end + 1, sql.size());
      out.append(sql.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '1' && sql[i + 1] <= '9') {
      size_t end = i + 1;
      size_t n = 0;
      while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') {
        n = n * 10 + static_cast<size_t>(sql[end] - '0');
        ++end;
      }
      if (n >= 1 && n <= params.size()) {
        const auto& value = params[n - 1];
        out += value ? quoteLiteral(*value) : std::string("NULL");
        i = end;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace graft::pg
