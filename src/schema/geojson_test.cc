#include "schema/geojson.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace graft::schema {
namespace {

// "" when accepted, else "<code> at <path>: <message>".
std::string check(std::string_view json) {
  Status status = checkGeoJson(boost::json::parse(json), "$.v");
  if (status) return "";
  return status.error().code() + " at " + status.error().path() + ": " + status.error().message();
}

TEST(GeoJson, AcceptsEveryGeometryType) {
  EXPECT_EQ(check(R"({"type": "Point", "coordinates": [1, 2]})"), "");
  EXPECT_EQ(check(R"({"type": "Point", "coordinates": [1.5, 2, 3],
                      "crs": {"type": "name", "properties": {"name": "EPSG:4326"}}})"),
            "");
  EXPECT_EQ(check(R"({"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]})"), "");
  EXPECT_EQ(check(R"({"type": "LineString", "coordinates": [[1, 2], [3, 4]]})"), "");
  EXPECT_EQ(check(R"({"type": "MultiLineString", "coordinates": [[[1, 2], [3, 4]]]})"), "");
  EXPECT_EQ(check(R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0.0, 0]]]})"),
            "");
  EXPECT_EQ(check(R"({"type": "MultiPolygon",
                      "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]})"),
            "");
  EXPECT_EQ(check(R"({"type": "GeometryCollection", "geometries": [
                       {"type": "Point", "coordinates": [1, 2]},
                       {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}]})"),
            "");
}

TEST(GeoJson, RejectsWithHasurasMessagesAndPaths) {
  EXPECT_EQ(check(R"({"type": "Point", "coordinates": [1]})"),
            "parse-failed at $.v.coordinates: A Position needs at least 2 elements");
  EXPECT_EQ(check(R"({"type": "LineString", "coordinates": [[1, 2]]})"),
            "parse-failed at $.v.coordinates: A LineString needs at least 2 Positions");
  EXPECT_EQ(check(R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]})"),
            "parse-failed at $.v.coordinates[0]: A LinearRing needs at least 4 Positions");
  EXPECT_EQ(check(R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]})"),
            "parse-failed at $.v.coordinates[0]: the first and last locations have to be equal "
            "for a LinearRing");
  EXPECT_EQ(check(R"({"type": "MultiPolygon",
                      "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[0, 0]]]]})"),
            "parse-failed at $.v.coordinates[1][0]: A LinearRing needs at least 4 Positions");
  EXPECT_EQ(check(R"({"type": "MultiPoint", "coordinates": [[1, 2], [3]]})"),
            "parse-failed at $.v.coordinates[1]: A Position needs at least 2 elements");
  EXPECT_EQ(check(R"({"type": "GeometryCollection", "geometries": [{"type": "Circle"}]})"),
            "parse-failed at $.v.geometries[0]: unexpected geometry type: Circle");
  EXPECT_EQ(check(R"({"type": "Random", "coordinates": [1, 2]})"),
            "parse-failed at $.v: unexpected geometry type: Random");
  EXPECT_EQ(check(R"({"coordinates": [1, 2]})"), "parse-failed at $.v: key \"type\" not found");
  EXPECT_EQ(check(R"({"type": "Point"})"), "parse-failed at $.v: key \"coordinates\" not found");
  EXPECT_EQ(
      check("\"POINT(1 2)\""),
      "parse-failed at $.v: parsing Geometry failed, expected Object, but encountered String");
  EXPECT_EQ(check(R"({"type": "Point", "coordinates": ["1", 2]})"),
            "parse-failed at $.v.coordinates: parsing Double failed, unexpected String");
}

}  // namespace
}  // namespace graft::schema
