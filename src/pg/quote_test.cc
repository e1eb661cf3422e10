#include "pg/quote.h"

#include <gtest/gtest.h>

namespace graft::pg {
namespace {

TEST(QuoteTest, QuotesEveryIdentifier) {
  EXPECT_EQ(quoteIdentifier("author"), "\"author\"");
  EXPECT_EQ(quoteIdentifier("createdAt"), "\"createdAt\"");
  EXPECT_EQ(quoteIdentifier("select"), "\"select\"");
  EXPECT_EQ(quoteIdentifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(quoteIdentifier("x\"; DROP TABLE t; --"), "\"x\"\"; DROP TABLE t; --\"");
  EXPECT_EQ(quoteIdentifier(std::string_view("a\0b", 3)), "\"ab\"");
  EXPECT_EQ(quoteQualified("hubspot", "deal"), "\"hubspot\".\"deal\"");
}

}  // namespace
}  // namespace graft::pg
