// The scalar, enum and <Scalar>_comparison_exp types of a role schema, made once each.

#include "schema/builder.h"

namespace graft::schema {

// The GraphQL enum `<t>_enum` of an enum table, made once; false when the table has no value
// that can be an enum value (the column then keeps its scalar type).
bool RoleSchemaBuilder::ensureEnum(const metadata::ResolvedTable& enum_table) {
  std::string name = baseName(enum_table) + "_enum";
  if (scalars_.contains(name)) return true;
  std::vector<const metadata::EnumTableValue*> values;
  for (const metadata::EnumTableValue& value : enum_table.enum_values) {
    bool valid = !value.value.empty() && !(value.value[0] >= '0' && value.value[0] <= '9') &&
                 value.value != "true" && value.value != "false" && value.value != "null";
    for (char c : value.value) {
      valid = valid && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_');
    }
    if (valid) values.push_back(&value);
  }
  if (values.empty()) return false;
  scalars_.insert(name);
  auto type = builder_.enumType(name);
  for (const metadata::EnumTableValue* value : values) {
    type.value(value->value, value->description.value_or(""));
  }
  return true;
}

void RoleSchemaBuilder::ensureScalar(const std::string& name) {
  if (isBuiltinScalar(name) || !scalars_.insert(name).second) return;
  builder_.scalar(name);
}

// <S>_comparison_exp, once per scalar.
std::string RoleSchemaBuilder::comparisonType(const ScalarInfo& scalar) {
  std::string name = scalar.name + "_comparison_exp";
  if (!comparisons_.insert(name).second) return name;
  ensureScalar(scalar.name);
  auto exp = builder_.inputObject(name);
  exp.description("Boolean expression to compare columns of type \"" + scalar.name +
                  "\". All fields are combined with logical 'AND'.");
  const std::string& s = scalar.name;
  if (scalar.enumeration) {
    exp.inputField("_eq", s).inputField("_in", "[" + s + "!]").inputField("_is_null", "Boolean");
    exp.inputField("_neq", s).inputField("_nin", "[" + s + "!]");
    return name;
  }
  if (scalar.jsonb) {
    if (!builder_.existing("jsonb_cast_exp")) {
      ScalarInfo string;
      string.name = "String";
      string.comparable = string.text = true;
      std::string string_exp = comparisonType(string);
      builder_.inputObject("jsonb_cast_exp").inputField("String", string_exp);
    }
    exp = *builder_.existing(name);  // the handle is stale after adding types
    exp.inputField("_cast", "jsonb_cast_exp");
    exp.inputField("_contained_in", s, "is the column contained in the given json value");
    exp.inputField("_contains", s, "does the column contain the given json value at the top level");
  }
  exp.inputField("_eq", s).inputField("_gt", s).inputField("_gte", s);
  if (scalar.jsonb) {
    exp.inputField("_has_key", "String", "does the string exist as a top-level key in the column");
    exp.inputField("_has_keys_all", "[String!]",
                   "do all of these strings exist as top-level keys in the column");
    exp.inputField("_has_keys_any", "[String!]",
                   "do any of these strings exist as top-level keys in the column");
  }
  if (scalar.text) {
    exp.inputField("_ilike", s, "does the column match the given case-insensitive pattern");
  }
  exp.inputField("_in", "[" + s + "!]");
  if (scalar.text) {
    exp.inputField("_iregex", s,
                   "does the column match the given POSIX regular expression, case insensitive");
  }
  exp.inputField("_is_null", "Boolean");
  if (scalar.text) exp.inputField("_like", s, "does the column match the given pattern");
  exp.inputField("_lt", s).inputField("_lte", s).inputField("_neq", s);
  if (scalar.text) {
    exp.inputField("_nilike", s, "does the column NOT match the given case-insensitive pattern");
  }
  exp.inputField("_nin", "[" + s + "!]");
  if (scalar.text) {
    exp.inputField("_niregex", s,
                   "does the column NOT match the given POSIX regular expression, case "
                   "insensitive");
    exp.inputField("_nlike", s, "does the column NOT match the given pattern");
    exp.inputField("_nregex", s,
                   "does the column NOT match the given POSIX regular expression, case "
                   "sensitive");
    exp.inputField("_nsimilar", s, "does the column NOT match the given SQL regular expression");
    exp.inputField("_regex", s,
                   "does the column match the given POSIX regular expression, case sensitive");
    exp.inputField("_similar", s, "does the column match the given SQL regular expression");
  }
  if (s == "geometry" || s == "geography") addSpatialOperators(s, name);
  if (s == "ltree") addLtreeOperators(name);
  return name;
}

// PostGIS operators, taking and comparing GeoJSON values.
void RoleSchemaBuilder::addSpatialOperators(const std::string& type, const std::string& exp_name) {
  bool geometry = type == "geometry";
  std::string other = geometry ? "geography" : "geometry";
  std::string within = geometry ? "st_d_within_input" : "st_d_within_geography_input";
  if (!scalars_.contains(within)) {
    scalars_.insert(within);
    auto input = builder_.inputObject(within);
    input.inputField("distance", "Float!").inputField("from", type + "!");
    if (!geometry) input.inputField("use_spheroid", "Boolean", {}, "true");
  }
  std::string cast = type + "_cast_exp";
  builder_.inputObject(cast).inputField(other, other + "_comparison_exp");
  ScalarInfo other_scalar;
  other_scalar.name = other;
  comparisonType(other_scalar);
  auto exp = *builder_.existing(exp_name);
  exp.inputField("_cast", cast);
  exp.inputField("_st_d_within", within,
                 "is the column within a given distance from the given "
                 "geometry value");
  exp.inputField("_st_intersects", type, "does the column spatially intersect the given value");
  if (!geometry) return;
  exp.inputField("_st_3d_d_within", "st_d_within_input",
                 "is the column within a given 3D distance from the given geometry value");
  exp.inputField("_st_3d_intersects", type,
                 "does the column spatially intersect the given geometry value in 3D");
  exp.inputField("_st_contains", type, "does the column contain the given geometry value");
  exp.inputField("_st_crosses", type, "does the column cross the given geometry value");
  exp.inputField("_st_equals", type,
                 "is the column equal to given geometry value (directionality is ignored)");
  exp.inputField("_st_overlaps", type,
                 "does the column 'spatially overlap' (intersect but not completely contain) the "
                 "given geometry value");
  exp.inputField("_st_touches", type,
                 "does the column have atleast one point in common with the given geometry value");
  exp.inputField("_st_within", type, "is the column contained in the given geometry value");
}

// ltree's ancestor, descendant and query operators.
void RoleSchemaBuilder::addLtreeOperators(const std::string& exp_name) {
  ensureScalar("lquery");
  ensureScalar("ltxtquery");
  auto exp = *builder_.existing(exp_name);
  exp.inputField("_ancestor", "ltree", "is the left argument an ancestor of right (or equal)?");
  exp.inputField("_ancestor_any", "[ltree!]", "does array contain an ancestor of `ltree`?");
  exp.inputField("_descendant", "ltree", "is the left argument a descendant of right (or equal)?");
  exp.inputField("_descendant_any", "[ltree!]", "does array contain a descendant of `ltree`?");
  exp.inputField("_matches", "lquery", "does `ltree` match `lquery`?");
  exp.inputField("_matches_any", "[String!]", "does `ltree` match any `lquery` in array?");
  exp.inputField("_matches_fulltext", "ltxtquery", "does `ltree` match `ltxtquery`?");
}

void RoleSchemaBuilder::addOrderByEnum() {
  builder_.enumType("order_by")
      .description("column ordering options")
      .value("asc", "in ascending order, nulls last")
      .value("asc_nulls_first", "in ascending order, nulls first")
      .value("asc_nulls_last", "in ascending order, nulls last")
      .value("desc", "in descending order, nulls first")
      .value("desc_nulls_first", "in descending order, nulls first")
      .value("desc_nulls_last", "in descending order, nulls last");
}

}  // namespace graft::schema
