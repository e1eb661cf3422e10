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

TEST(QuoteTest, InlinesParametersOutsideQuotes) {
  EXPECT_EQ(quoteLiteral("it's"), "'it''s'");
  std::vector<std::optional<std::string>> params{"7", std::nullopt, "o'k"};
  EXPECT_EQ(inlineParameters("SELECT ($1)::int4, $2, ($3)::text", params),
            "SELECT ('7')::int4, NULL, ('o''k')::text");
  // $n inside identifiers and literals, and numbers past the last parameter, stay as written.
  EXPECT_EQ(inlineParameters(R"(SELECT "a$1""$2", '$1''$3', $10, $3)", params),
            R"(SELECT "a$1""$2", '$1''$3', $10, 'o''k')");
  EXPECT_EQ(inlineParameters("SELECT $", params), "SELECT $");
}

}  // namespace
}  // namespace graft::pg
