#include "schema/geojson.h"

#include <boost/json/value.hpp>

namespace graft::schema {
namespace {

namespace bj = boost::json;

Error failed(std::string message, const std::string& path) {
  return Error::parseFailed(std::move(message)).withPath(path);
}

// Aeson's wording for a value of the wrong JSON type.
std::string_view kindName(const bj::value& value) {
  switch (value.kind()) {
    case bj::kind::null:
      return "Null";
    case bj::kind::bool_:
      return "Boolean";
    case bj::kind::int64:
    case bj::kind::uint64:
    case bj::kind::double_:
      return "Number";
    case bj::kind::string:
      return "String";
    case bj::kind::array:
      return "Array";
    case bj::kind::object:
      return "Object";
  }
  return "Value";
}

Status expectArray(const bj::value& value, std::string_view what, const std::string& path) {
  if (value.is_array()) return {};
  return std::unexpected(failed("parsing " + std::string(what) +
                                    " failed, expected Array, but encountered " +
                                    std::string(kindName(value)),
                                path));
}

// Positions inside a LineString or LinearRing are parsed without an index in their path (as
// Hasura's withParsedArray does); those of a MultiPoint get theirs.
Status position(const bj::value& value, const std::string& path) {
  GRAFT_CHECK(expectArray(value, "Position", path));
  const bj::array& numbers = value.get_array();
  for (const bj::value& number : numbers) {
    if (!number.is_number()) {
      return std::unexpected(
          failed("parsing Double failed, unexpected " + std::string(kindName(number)), path));
    }
  }
  if (numbers.size() < 2)
    return std::unexpected(failed("A Position needs at least 2 elements", path));
  return {};
}

Status positions(const bj::value& value, std::string_view what, size_t minimum,
                 const std::string& path) {
  GRAFT_CHECK(expectArray(value, what, path));
  const bj::array& items = value.get_array();
  for (const bj::value& item : items) GRAFT_CHECK(position(item, path));
  if (items.size() < minimum) {
    return std::unexpected(failed(
        "A " + std::string(what) + " needs at least " + std::to_string(minimum) + " Positions",
        path));
  }
  return {};
}

Status lineString(const bj::value& value, const std::string& path) {
  return positions(value, "LineString", 2, path);
}

Status linearRing(const bj::value& value, const std::string& path) {
  GRAFT_CHECK(positions(value, "LinearRing", 4, path));
  const bj::array& items = value.get_array();
  // Hasura compares the parsed doubles: [1, 2] equals [1.0, 2.0].
  auto same = [](const bj::value& a, const bj::value& b) {
    const bj::array& x = a.get_array();
    const bj::array& y = b.get_array();
    for (size_t i = 0; i < 3; ++i) {
      bool in_x = i < x.size(), in_y = i < y.size();
      if (in_x != in_y) return false;
      if (in_x && x[i].to_number<double>() != y[i].to_number<double>()) return false;
    }
    return true;
  };
  if (!same(items.front(), items.back())) {
    return std::unexpected(
        failed("the first and last locations have to be equal for a LinearRing", path));
  }
  return {};
}

// A list whose items each get their index in the path (aeson's list parser).
template <typename Item>
Status eachIndexed(const bj::value& value, std::string_view what, const std::string& path,
                   Item item) {
  GRAFT_CHECK(expectArray(value, what, path));
  const bj::array& items = value.get_array();
  for (size_t i = 0; i < items.size(); ++i) {
    GRAFT_CHECK(item(items[i], path + "[" + std::to_string(i) + "]"));
  }
  return {};
}

Status polygon(const bj::value& value, const std::string& path) {
  return eachIndexed(value, "Polygon", path, linearRing);
}

Status geometry(const bj::value& value, const std::string& path) {
  if (!value.is_object()) {
    return std::unexpected(failed(
        "parsing Geometry failed, expected Object, but encountered " + std::string(kindName(value)),
        path));
  }
  const bj::object& object = value.get_object();
  const bj::value* type = object.if_contains("type");
  if (type == nullptr) return std::unexpected(failed("key \"type\" not found", path));
  if (!type->is_string()) {
    return std::unexpected(failed(
        "parsing Text failed, expected String, but encountered " + std::string(kindName(*type)),
        path + ".type"));
  }
  std::string_view name = type->get_string();
  std::string_view member = name == "GeometryCollection" ? "geometries" : "coordinates";
  auto known = {"Point",   "MultiPoint",   "LineString",        "MultiLineString",
                "Polygon", "MultiPolygon", "GeometryCollection"};
  if (std::ranges::find(known, name) == known.end()) {
    return std::unexpected(failed("unexpected geometry type: " + std::string(name), path));
  }
  const bj::value* body = object.if_contains(member);
  if (body == nullptr) {
    return std::unexpected(failed("key \"" + std::string(member) + "\" not found", path));
  }
  std::string at = path + "." + std::string(member);
  if (name == "Point") return position(*body, at);
  if (name == "MultiPoint") return eachIndexed(*body, "MultiPoint", at, position);
  if (name == "LineString") return lineString(*body, at);
  if (name == "MultiLineString") return eachIndexed(*body, "MultiLineString", at, lineString);
  if (name == "Polygon") return polygon(*body, at);
  if (name == "MultiPolygon") return eachIndexed(*body, "MultiPolygon", at, polygon);
  return eachIndexed(*body, "GeometryCollection", at, geometry);
}

}  // namespace

Status checkGeoJson(const bj::value& value, const std::string& path) {
  return geometry(value, path);
}

}  // namespace graft::schema
