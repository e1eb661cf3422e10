#include "pg/binary_json.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

namespace graft::pg {

namespace {

// Type oids of pg_catalog (fixed across Postgres versions).
constexpr unsigned kBool = 16;
constexpr unsigned kName = 19;
constexpr unsigned kInt8 = 20;
constexpr unsigned kInt2 = 21;
constexpr unsigned kInt4 = 23;
constexpr unsigned kText = 25;
constexpr unsigned kJson = 114;
constexpr unsigned kBpchar = 1042;
constexpr unsigned kVarchar = 1043;
constexpr unsigned kNumeric = 1700;
constexpr unsigned kRecord = 2249;
constexpr unsigned kUuid = 2950;
constexpr unsigned kJsonb = 3802;
constexpr unsigned kRecordArray = 2287;

// The scalar types appendBinaryJson writes (the rest of its switch: records and their arrays).
struct Written {
  unsigned oid;
  std::string_view name;
};
constexpr Written kWritten[] = {{kBool, "bool"},       {kName, "name"},     {kInt8, "int8"},
                                {kInt2, "int2"},       {kInt4, "int4"},     {kText, "text"},
                                {kJson, "json"},       {kBpchar, "bpchar"}, {kVarchar, "varchar"},
                                {kNumeric, "numeric"}, {kUuid, "uuid"},     {kJsonb, "jsonb"}};

Error malformed(std::string_view what) {
  return Error::unexpected("malformed binary value from Postgres: " + std::string(what));
}

// Big-endian reads over a value, failing once it runs short.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  bool done() const { return pos_ == data_.size(); }

  template <typename T>
  Result<T> read() {
    if (data_.size() - pos_ < sizeof(T)) return std::unexpected(malformed("too short"));
    std::make_unsigned_t<T> value = 0;
    for (size_t i = 0; i < sizeof(T); ++i) {
      value = static_cast<std::make_unsigned_t<T>>((value << 8) |
                                                   static_cast<unsigned char>(data_[pos_ + i]));
    }
    pos_ += sizeof(T);
    return static_cast<T>(value);
  }

  // A length-prefixed value: nullopt for SQL NULL (length -1).
  Result<std::optional<std::string_view>> value() {
    GRAFT_TRY(int32_t length, read<int32_t>());
    if (length == -1) return std::optional<std::string_view>();
    if (length < 0 || data_.size() - pos_ < static_cast<size_t>(length)) {
      return std::unexpected(malformed("bad length"));
    }
    std::string_view part = data_.substr(pos_, static_cast<size_t>(length));
    pos_ += static_cast<size_t>(length);
    return std::optional<std::string_view>(part);
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

template <typename T>
Status appendInteger(std::string_view data, std::string& out) {
  Reader reader(data);
  GRAFT_TRY(T value, reader.read<T>());
  std::array<char, 24> digits;
  auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
  out.append(digits.data(), end);
  return ok();
}

// numeric's send form: ndigits, weight, sign, dscale (int16 each), then ndigits base-10000
// digits; written as numeric_out writes it.
Status appendNumeric(std::string_view data, std::string& out) {
  Reader reader(data);
  GRAFT_TRY(int16_t ndigits, reader.read<int16_t>());
  GRAFT_TRY(int16_t weight, reader.read<int16_t>());
  GRAFT_TRY(uint16_t sign, reader.read<uint16_t>());
  GRAFT_TRY(int16_t dscale, reader.read<int16_t>());
  switch (sign) {
    case 0xC000:
      out += "\"NaN\"";
      return ok();
    case 0xD000:
      out += "\"Infinity\"";
      return ok();
    case 0xF000:
      out += "\"-Infinity\"";
      return ok();
    case 0x0000:
    case 0x4000:
      break;
    default:
      return std::unexpected(malformed("numeric sign"));
  }
  // The digits follow the header, two bytes each; read in place, as they are written.
  constexpr size_t kHeader = 8;
  if (ndigits < 0 || dscale < 0 || data.size() != kHeader + 2 * static_cast<size_t>(ndigits)) {
    return std::unexpected(malformed("numeric header"));
  }
  bool valid = true;
  auto digitAt = [&](int index) -> int {
    if (index < 0 || index >= ndigits) return 0;
    size_t at = kHeader + 2 * static_cast<size_t>(index);
    int digit =
        (static_cast<unsigned char>(data[at]) << 8) | static_cast<unsigned char>(data[at + 1]);
    if (digit > 9999) valid = false;
    return digit;
  };
  auto appendFour = [&](int digit) {
    char four[4] = {static_cast<char>('0' + digit / 1000),
                    static_cast<char>('0' + digit / 100 % 10),
                    static_cast<char>('0' + digit / 10 % 10), static_cast<char>('0' + digit % 10)};
    out.append(four, 4);
  };
  if (sign == 0x4000) out += '-';
  if (weight < 0) {
    out += '0';
  } else {
    std::array<char, 8> first;
    auto end = std::to_chars(first.data(), first.data() + first.size(), digitAt(0)).ptr;
    out.append(first.data(), end);
    for (int d = 1; d <= weight; ++d) appendFour(digitAt(d));
  }
  if (dscale > 0) {
    out += '.';
    size_t start = out.size();
    for (int i = 0, d = weight + 1; i < dscale; i += 4, ++d) appendFour(digitAt(d));
    out.resize(start + static_cast<size_t>(dscale));
  }
  if (!valid) return std::unexpected(malformed("numeric digit"));
  return ok();
}

void appendUuid(std::string_view bytes, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    auto byte = static_cast<unsigned char>(bytes[i]);
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  out += '"';
}

Status appendRecord(std::string_view data, const JsonShape& shape, std::string& out) {
  Reader reader(data);
  GRAFT_TRY(int32_t count, reader.read<int32_t>());
  out += '{';
  int32_t taken = 0;
  for (size_t i = 0; i < shape.fields.size(); ++i) {
    const JsonShape& field = shape.fields[i];
    if (i > 0) out += ',';
    out += field.key;
    if (field.constant) {
      out += *field.constant;
      continue;
    }
    if (taken++ == count) return std::unexpected(malformed("a record has too few fields"));
    GRAFT_TRY(uint32_t oid, reader.read<uint32_t>());
    GRAFT_TRY(auto value, reader.value());
    if (!value) {
      out += "null";
    } else {
      GRAFT_CHECK(appendBinaryJson(*value, oid, field, out));
    }
  }
  if (taken != count || !reader.done()) {
    return std::unexpected(malformed("a record has more fields than its shape"));
  }
  out += '}';
  return ok();
}

Status appendArray(std::string_view data, const JsonShape& shape, std::string& out) {
  Reader reader(data);
  GRAFT_TRY(int32_t dimensions, reader.read<int32_t>());
  GRAFT_TRY(int32_t has_nulls, reader.read<int32_t>());
  (void)has_nulls;
  GRAFT_TRY(uint32_t element_oid, reader.read<uint32_t>());
  if (dimensions == 0) {
    out += "[]";
    return ok();
  }
  if (dimensions != 1) return std::unexpected(malformed("a multi-dimensional array"));
  GRAFT_TRY(int32_t length, reader.read<int32_t>());
  GRAFT_TRY(int32_t lower_bound, reader.read<int32_t>());
  (void)lower_bound;
  out += '[';
  for (int32_t i = 0; i < length; ++i) {
    if (i > 0) out += ',';
    GRAFT_TRY(auto element, reader.value());
    if (!element) {
      out += "null";
    } else {
      GRAFT_CHECK(appendBinaryJson(*element, element_oid, shape, out));
    }
  }
  if (!reader.done()) return std::unexpected(malformed("an array longer than it says"));
  out += ']';
  return ok();
}

}  // namespace

JsonShape JsonShape::field(std::string_view name) {
  JsonShape shape;
  appendJsonString(name, shape.key);
  shape.key += ':';
  return shape;
}

bool hasBinaryJson(unsigned type_oid) {
  return std::ranges::any_of(kWritten, [&](const Written& type) { return type.oid == type_oid; });
}

bool hasBinaryJson(std::string_view type_schema, std::string_view type_name) {
  return type_schema == "pg_catalog" &&
         std::ranges::any_of(kWritten, [&](const Written& type) { return type.name == type_name; });
}

void appendJsonString(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  size_t plain = 0;  // start of the run of characters that need no escape
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escape, 6);
      }
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

Status appendBinaryJson(std::string_view data, unsigned type_oid, const JsonShape& shape,
                        std::string& out) {
  switch (type_oid) {
    case kBool:
      if (data.size() != 1) return std::unexpected(malformed("bool"));
      out += data[0] != 0 ? "true" : "false";
      return ok();
    case kInt2:
      return appendInteger<int16_t>(data, out);
    case kInt4:
      return appendInteger<int32_t>(data, out);
    case kInt8:
      return appendInteger<int64_t>(data, out);
    case kNumeric:
      return appendNumeric(data, out);
    case kText:
    case kVarchar:
    case kBpchar:
    case kName:
      appendJsonString(data, out);
      return ok();
    case kUuid:
      if (data.size() != 16) return std::unexpected(malformed("uuid"));
      appendUuid(data, out);
      return ok();
    case kJson:
      out += data;
      return ok();
    case kJsonb:
      // A version byte (1), then the text.
      if (data.empty() || data[0] != 1) return std::unexpected(malformed("jsonb version"));
      out += data.substr(1);
      return ok();
    case kRecord:
      return appendRecord(data, shape, out);
    case kRecordArray:
      return appendArray(data, shape, out);
    default:
      return std::unexpected(Error::unexpected("no JSON form for a binary value of type oid " +
                                               std::to_string(type_oid)));
  }
}

}  // namespace graft::pg
