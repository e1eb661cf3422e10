#include "schema/scalar_input.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "graphql/schema_builder.h"

namespace graft::schema {
namespace {

class ScalarInput : public ::testing::Test {
 protected:
  ScalarInput() {
    auto built = graphql::buildSchemaFromSdl(
        "scalar ltree scalar geometry scalar citext type Query { a(x: ltree, g: geometry, c: "
        "citext): Int }");
    EXPECT_TRUE(built.has_value());
    if (built) schema_ = *built;
  }

  // "" when accepted, else "<code> at <path>: <message>".
  std::string check(std::string_view scalar, std::string_view json) {
    Status status = checkScalarInput(*schema_->findType(scalar), boost::json::parse(json), "$.v");
    if (status) return "";
    return status.error().code() + " at " + status.error().path() + ": " + status.error().message();
  }

  std::shared_ptr<const graphql::Schema> schema_;
};

constexpr std::string_view kLabelPath =
    "parse-failed at $.v: Expecting label path: a sequence of zero or more labels separated by "
    "dots, for example L1.L2.L3";

TEST_F(ScalarInput, LtreeIsLabelsSeparatedByDots) {
  EXPECT_EQ(check("ltree", R"("Top")"), "");
  EXPECT_EQ(check("ltree", R"("Top.Science.Astronomy_2")"), "");
  EXPECT_EQ(check("ltree", R"("")"), kLabelPath);
  EXPECT_EQ(check("ltree", R"("Top.")"), kLabelPath);
  EXPECT_EQ(check("ltree", R"(".Top")"), kLabelPath);
  EXPECT_EQ(check("ltree", R"("Top..Science")"), kLabelPath);
  EXPECT_EQ(check("ltree", "12"), kLabelPath);
}

TEST_F(ScalarInput, GeometryIsGeoJson) {
  EXPECT_EQ(check("geometry", R"({"type": "Point", "coordinates": [1, 2]})"), "");
  EXPECT_EQ(check("geometry", R"({"type": "Point", "coordinates": [1]})"),
            "parse-failed at $.v.coordinates: A Position needs at least 2 elements");
}

TEST_F(ScalarInput, OtherScalarsAreLeftToPostgres) {
  EXPECT_EQ(check("citext", R"({"any": ["json"]})"), "");
}

}  // namespace
}  // namespace graft::schema
