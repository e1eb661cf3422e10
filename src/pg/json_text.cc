#include "pg/json_text.h"

#include <boost/json/serialize.hpp>

namespace graft::pg {

namespace bj = boost::json;

std::optional<std::string> textOf(const bj::value& value) {
  switch (value.kind()) {
    case bj::kind::null:
      return std::nullopt;
    case bj::kind::string:
      return std::string(value.get_string());
    case bj::kind::bool_:
      return value.get_bool() ? "true" : "false";
    default:
      return bj::serialize(value);
  }
}

std::string arrayLiteral(const bj::array& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    const bj::value& item = items[i];
    if (item.is_null()) {
      out += "NULL";
      continue;
    }
    if (item.is_array()) {
      out += arrayLiteral(item.get_array());
      continue;
    }
    // Every element quoted, so that commas, braces, spaces and the word NULL stay data. The
    // text is held in a local: a range-for over `*textOf(item)` would read a destroyed
    // temporary (range-init temporaries live on only from C++23's P2718, which GCC 12 lacks).
    std::string text = *textOf(item);
    out += '"';
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

std::optional<std::string> columnText(const bj::value& value, const Column& column) {
  if (value.is_null()) return std::nullopt;
  if (column.type_name.name == "json" || column.type_name.name == "jsonb") {
    return bj::serialize(value);
  }
  if (value.is_array() && column.type_category == 'A') return arrayLiteral(value.get_array());
  return textOf(value);
}

}  // namespace graft::pg
