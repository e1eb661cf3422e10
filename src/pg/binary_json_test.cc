// appendBinaryJson over hand-built send forms: scalars, numeric's base-10000 digits, records
// with constants and nested arrays, and malformed values. What Postgres itself sends is
// checked against to_json in binary_json_integration_test.cc.
#include "pg/binary_json.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>

namespace graft::pg {
namespace {

// Big-endian send forms.
class Bytes {
 public:
  Bytes& i16(int v) { return put(static_cast<uint16_t>(v), 2); }
  Bytes& i32(int64_t v) { return put(static_cast<uint32_t>(v), 4); }
  Bytes& i64(int64_t v) { return put(static_cast<uint64_t>(v), 8); }
  Bytes& raw(std::string_view bytes) {
    data_ += bytes;
    return *this;
  }
  // A length-prefixed value (a record's field or an array's element).
  Bytes& value(const std::string& bytes) {
    return i32(static_cast<int64_t>(bytes.size())).raw(bytes);
  }
  Bytes& null() { return i32(-1); }
  const std::string& str() const { return data_; }

 private:
  Bytes& put(uint64_t v, int n) {
    for (int i = n - 1; i >= 0; --i) data_ += static_cast<char>((v >> (8 * i)) & 0xFF);
    return *this;
  }
  std::string data_;
};

std::string numeric(int weight, int sign, int dscale, std::initializer_list<int> digits) {
  Bytes b;
  b.i16(static_cast<int>(digits.size())).i16(weight).i16(sign).i16(dscale);
  for (int d : digits) b.i16(d);
  return b.str();
}

std::string json(std::string_view data, unsigned oid, const JsonShape& shape = {}) {
  std::string out;
  Status written = appendBinaryJson(data, oid, shape, out);
  return written ? out : "error: " + written.error().message();
}

TEST(BinaryJsonTest, WritesScalars) {
  EXPECT_EQ(json(Bytes().i32(-42).str(), 23), "-42");
  EXPECT_EQ(json(Bytes().i16(7).str(), 21), "7");
  EXPECT_EQ(json(Bytes().i64(INT64_MIN).str(), 20), "-9223372036854775808");
  EXPECT_EQ(json(std::string(1, '\1'), 16), "true");
  EXPECT_EQ(json(std::string(1, '\0'), 16), "false");
  EXPECT_EQ(json("say \"hi\"\\\n\t\x01\x1f\x7f é", 25), R"("say \"hi\"\\\n\t\u0001\u001f)"
                                                        "\x7f"
                                                        R"( é")");
  EXPECT_EQ(json("x  ", 1042), "\"x  \"");
  EXPECT_EQ(json(R"({"a": [1, 2]})", 114), R"({"a": [1, 2]})");
  EXPECT_EQ(json(std::string("\1") + R"({"a": 1})", 3802), R"({"a": 1})");
  std::string uuid("\x12\x34\x56\x78\x9a\xbc\xde\xf0\x01\x23\x45\x67\x89\xab\xcd\xef", 16);
  EXPECT_EQ(json(uuid, 2950), "\"12345678-9abc-def0-0123-456789abcdef\"");
}

TEST(BinaryJsonTest, WritesNumericAsPostgresDoes) {
  EXPECT_EQ(json(numeric(0, 0, 0, {}), 1700), "0");
  EXPECT_EQ(json(numeric(0, 0, 2, {}), 1700), "0.00");
  EXPECT_EQ(json(numeric(0, 0, 2, {123, 4500}), 1700), "123.45");
  EXPECT_EQ(json(numeric(0, 0, 2, {100}), 1700), "100.00");
  EXPECT_EQ(json(numeric(-1, 0, 4, {1}), 1700), "0.0001");
  EXPECT_EQ(json(numeric(-2, 0, 9, {1, 2000}), 1700), "0.000000012");
  EXPECT_EQ(json(numeric(1, 0, 0, {1}), 1700), "10000");
  EXPECT_EQ(json(numeric(1, 0, 0, {1234, 5678}), 1700), "12345678");
  EXPECT_EQ(json(numeric(1, 0x4000, 3, {5, 20, 1230}), 1700), "-50020.123");
  EXPECT_EQ(json(numeric(0, 0xC000, 0, {}), 1700), "\"NaN\"");
  EXPECT_EQ(json(numeric(0, 0xD000, 0, {}), 1700), "\"Infinity\"");
  EXPECT_EQ(json(numeric(0, 0xF000, 0, {}), 1700), "\"-Infinity\"");
  EXPECT_EQ(json(numeric(0, 0, 0, {10000}), 1700).substr(0, 6), "error:");
}

TEST(BinaryJsonTest, WritesRecordsAndArraysOfRecordsAlongTheShape) {
  // {id, __typename (a constant), deals: [{name}]}
  JsonShape shape;
  shape.fields.push_back(JsonShape::field("id"));
  shape.fields.push_back(JsonShape::field("__typename"));
  shape.fields.back().constant = "\"account\"";
  JsonShape& deals = shape.fields.emplace_back(JsonShape::field("deals"));
  deals.fields.push_back(JsonShape::field("na\"me"));

  auto deal = [](std::optional<std::string> name) {
    Bytes b;
    b.i32(1).i32(25);
    name ? b.value(*name) : b.null();
    return b.str();
  };
  std::string array = Bytes()
                          .i32(1)  // dimensions
                          .i32(1)  // has nulls
                          .i32(2249)
                          .i32(3)  // length
                          .i32(1)  // lower bound
                          .value(deal("a"))
                          .value(deal(std::nullopt))
                          .null()
                          .str();
  std::string record =
      Bytes().i32(2).i32(23).value(Bytes().i32(9).str()).i32(2287).value(array).str();
  EXPECT_EQ(json(record, 2249, shape),
            R"({"id":9,"__typename":"account","deals":[{"na\"me":"a"},{"na\"me":null},null]})");

  std::string empty = Bytes().i32(0).i32(0).i32(2249).str();
  EXPECT_EQ(json(empty, 2287, shape), "[]");
  std::string no_fields = Bytes().i32(0).str();
  JsonShape only_typename;
  only_typename.fields.push_back(JsonShape::field("__typename"));
  only_typename.fields.back().constant = "\"t\"";
  EXPECT_EQ(json(no_fields, 2249, only_typename), R"({"__typename":"t"})");
}

TEST(BinaryJsonTest, RefusesMalformedValuesAndOtherTypes) {
  JsonShape one;
  one.fields.push_back(JsonShape::field("a"));
  std::string two_fields =
      Bytes().i32(2).i32(23).value(Bytes().i32(1).str()).i32(23).value(Bytes().i32(2).str()).str();
  EXPECT_EQ(json(two_fields, 2249, one).substr(0, 6), "error:");
  JsonShape three = one;
  three.fields.push_back(JsonShape::field("b"));
  three.fields.push_back(JsonShape::field("c"));
  EXPECT_EQ(json(two_fields, 2249, three).substr(0, 6), "error:");
  EXPECT_EQ(json(two_fields.substr(0, 10), 2249, one).substr(0, 6), "error:");
  EXPECT_EQ(json(Bytes().i16(1).str(), 23).substr(0, 6), "error:");
  EXPECT_EQ(json(Bytes().i32(1).i32(0).i32(23).i32(5).i32(1).str(), 2287).substr(0, 6), "error:");
  EXPECT_EQ(json("2020-01-01", 1082).substr(0, 6), "error:");        // date: planned as to_json
  EXPECT_EQ(json(Bytes().i32(7).str(), 26).substr(0, 6), "error:");  // oid: to_json quotes it
  EXPECT_TRUE(hasBinaryJson(1700));
  EXPECT_FALSE(hasBinaryJson(1184));
  EXPECT_TRUE(hasBinaryJson("pg_catalog", "int4"));
  EXPECT_FALSE(hasBinaryJson("public", "int4"));  // a type of the user's, whatever its name
  EXPECT_FALSE(hasBinaryJson("pg_catalog", "timestamptz"));
}

}  // namespace
}  // namespace graft::pg
