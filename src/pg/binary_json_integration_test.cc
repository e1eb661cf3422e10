// What Postgres sends in binary, written by appendBinaryJson, is byte for byte what its own
// to_json writes for the same value: the types Graft writes itself, at their edges (numeric
// scales and specials, integer extremes, every control character). Against a real cluster.
#include <boost/json/parse.hpp>

#include "pg/binary_json.h"
#include "pg/test_support.h"

namespace graft::pg::testing {
namespace {

class BinaryJsonTest : public PgTest {};

TEST_F(BinaryJsonTest, WritesWhatToJsonWrites) {
  std::string control_characters = "chr(1)";
  for (int c = 2; c < 32; ++c) control_characters += " || chr(" + std::to_string(c) + ")";
  const std::vector<std::string> values = {"true",
                                           "false",
                                           "(-32768)::int2",
                                           "2147483647",
                                           "(-9223372036854775808)::int8",
                                           "0::numeric",
                                           "0.000::numeric",
                                           "(-0.5)::numeric",
                                           "1e-20::numeric",
                                           "123456789.123456789::numeric",
                                           "10000::numeric",
                                           "0.0001::numeric",
                                           "1.10::numeric",
                                           "1000000000000::numeric",
                                           "(-99990000.00009)::numeric",
                                           "'NaN'::numeric",
                                           "'Infinity'::numeric",
                                           "'-Infinity'::numeric",
                                           "12.5::numeric(10,4)",
                                           "'say \"hi\" \\ / é 日本 🙂'::text",
                                           control_characters,
                                           "chr(127)",
                                           "''::text",
                                           "'v'::varchar(9)",
                                           "'ab'::char(5)",
                                           "'a name'::name",
                                           "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid",
                                           "'{\"a\" : [1, 2.50, \"x\"], \"b\": null}'::json",
                                           "'{\"b\": {\"c\": 1.50}, \"a\": [true]}'::jsonb"};
  auto pool = makePool(1);
  for (const std::string& value : values) {
    SCOPED_TRACE(value);
    Statement binary("SELECT " + value);
    binary.binary_results = true;
    auto sent = run(pool->execute(std::move(binary)));
    ASSERT_TRUE(sent) << sent.error().message();
    auto expected = run(pool->execute(Statement("SELECT to_json(" + value + ")")));
    ASSERT_TRUE(expected) << expected.error().message();
    ASSERT_TRUE(hasBinaryJson(sent->columnType(0))) << sent->columnType(0);
    std::string written;
    Status status = appendBinaryJson(sent->value(0, 0), sent->columnType(0), {}, written);
    ASSERT_TRUE(status) << status.error().message();
    EXPECT_EQ(written, expected->value(0, 0));
  }
}

TEST_F(BinaryJsonTest, WritesRecordsAndArraysOfRecordsAsObjectsAndLists) {
  // Rows of (id, name, deals) where deals is an array of (amount, stage) records, some NULL.
  std::string rows =
      "ARRAY(SELECT ROW(i, 'n' || i, ARRAY(SELECT ROW(j * 1.5, CASE WHEN j = 2 THEN NULL ELSE "
      "'s' END, to_json(date '2020-01-01' + j)) FROM generate_series(1, i) AS j ORDER BY j)) "
      "FROM generate_series(0, 3) AS i ORDER BY i)";
  std::string as_json =
      "(SELECT json_agg(json_build_object('id', i, 'name', 'n' || i, 'deals', (SELECT "
      "coalesce(json_agg(json_build_object('amount', j * 1.5, 'stage', CASE WHEN j = 2 THEN "
      "NULL ELSE 's' END, 'day', date '2020-01-01' + j) ORDER BY j), '[]') FROM "
      "generate_series(1, i) AS j)) ORDER BY i) FROM generate_series(0, 3) AS i)";
  JsonShape shape;
  shape.fields.push_back(JsonShape::field("id"));
  shape.fields.push_back(JsonShape::field("name"));
  JsonShape& deals = shape.fields.emplace_back(JsonShape::field("deals"));
  deals.fields.push_back(JsonShape::field("amount"));
  deals.fields.push_back(JsonShape::field("stage"));
  deals.fields.push_back(JsonShape::field("day"));

  auto pool = makePool(1);
  Statement binary("SELECT " + rows + ", " + as_json);
  binary.binary_results = true;
  auto sent = run(pool->execute(std::move(binary)));
  ASSERT_TRUE(sent) << sent.error().message();
  std::string written;
  Status status = appendBinaryJson(sent->value(0, 0), sent->columnType(0), shape, written);
  ASSERT_TRUE(status) << status.error().message();
  EXPECT_EQ(boost::json::parse(written), boost::json::parse(sent->value(0, 1)));
  EXPECT_EQ(written.substr(0, 30), R"([{"id":0,"name":"n0","deals":[)");
}

}  // namespace
}  // namespace graft::pg::testing
