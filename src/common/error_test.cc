#include "common/error.h"

#include <gtest/gtest.h>

#include "common/json.h"
#include "common/result.h"

namespace graft {
namespace {

Result<int> parsePositive(int v) {
  if (v <= 0) return std::unexpected(Error::validationFailed("not positive"));
  return v;
}

Result<int> doubled(int v) {
  GRAFT_TRY(int x, parsePositive(v));
  return x * 2;
}

TEST(ErrorTest, NamedConstructorsCarryHasuraCodesAndStatuses) {
  EXPECT_EQ(Error::notFound("x").code(), "not-found");
  EXPECT_EQ(Error::notFound("x").httpStatus(), 404);
  EXPECT_EQ(Error::constraintViolation("x").code(), "constraint-violation");
  EXPECT_EQ(Error::postgresError("x").httpStatus(), 500);
  EXPECT_EQ(Error::payloadTooLarge("x").httpStatus(), 413);
}

TEST(ErrorTest, PathGrowsAsTheErrorTravelsUp) {
  Error e = Error::validationFailed("bad");
  EXPECT_EQ(e.path(), "$");
  e.atPath("where");
  e.atPath("args");
  EXPECT_EQ(e.path(), "$.args.where");
}

TEST(ErrorTest, TryPropagatesFailureAndValue) {
  EXPECT_EQ(doubled(4).value(), 8);
  auto r = doubled(-1);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(), "not positive");
}

TEST(ErrorTest, QueryApiShapeHidesInternalUnlessAsked) {
  Error e = Error::postgresError("boom");
  e.withInternal(R"({"statement":"select 1"})");
  auto plain = json::serialize(json::queryApiError(e));
  EXPECT_EQ(plain, R"({"path":"$","error":"boom","code":"postgres-error"})");
  auto with = json::queryApiError(e, true);
  EXPECT_EQ(json::serialize(with.at("internal")), R"({"statement":"select 1"})");
}

TEST(ErrorTest, GraphqlShape) {
  Error e = Error::validationFailed("field not found");
  e.withPath("$.selectionSet.author");
  EXPECT_EQ(json::serialize(json::graphqlError(e)),
            R"({"extensions":{"path":"$.selectionSet.author","code":"validation-failed"},)"
            R"("message":"field not found"})");
}

TEST(JsonTest, ParseErrorsAreParseFailed) {
  auto r = json::parse("{\"a\":");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), "parse-failed");
  EXPECT_TRUE(json::parse(R"({"a":[1,2]})").has_value());
}

}  // namespace
}  // namespace graft
