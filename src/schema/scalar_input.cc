#include "schema/scalar_input.h"

#include <boost/json/value.hpp>
#include <string_view>

#include "schema/geojson.h"

namespace graft::schema {
namespace {

// An ltree is a string of labels separated by dots, none of them empty. What a label may hold
// is left to Postgres, as Hasura leaves it.
Status checkLtree(const boost::json::value& value, const std::string& path) {
  bool valid = value.is_string();
  if (valid) {
    std::string_view text = value.get_string();
    valid = !text.empty() && text.front() != '.' && text.back() != '.' &&
            text.find("..") == std::string_view::npos;
  }
  if (valid) return {};
  return std::unexpected(
      Error::parseFailed("Expecting label path: a sequence of zero or more labels separated by "
                         "dots, for example L1.L2.L3")
          .withPath(path));
}

}  // namespace

Status checkScalarInput(const graphql::NamedType& scalar, const boost::json::value& value,
                        const std::string& path) {
  const std::string& name = scalar.name();
  if (name == "geometry" || name == "geography") return checkGeoJson(value, path);
  if (name == "ltree") return checkLtree(value, path);
  return {};
}

}  // namespace graft::schema
