#include "schema/scalars.h"

#include <array>
#include <string_view>
#include <utility>

namespace graft::schema {

namespace {

// pg_type names whose GraphQL scalar has another name; every other type keeps its own.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kRenamed = {{
    {"int4", "Int"},
    {"float4", "Float"},
    {"text", "String"},
    {"varchar", "String"},
    {"bool", "Boolean"},
    {"int2", "smallint"},
    {"int8", "bigint"},
}};

// GraphQL names are [_A-Za-z][_0-9A-Za-z]*; a type name outside that (rare: user types
// created with quoted names) keeps its shape with the other characters replaced.
std::string graphqlName(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) c = '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(0, "_");
  return out;
}

}  // namespace

ScalarInfo scalarOf(const pg::Column& column) {
  std::string_view type = column.type_name.name;
  ScalarInfo info;
  info.name = graphqlName(type);
  for (const auto& [pg_name, graphql] : kRenamed) {
    if (type == pg_name) info.name = graphql;
  }
  bool array = column.type_category == 'A';
  info.numeric = !array && column.type_category == 'N' && type != "oid";
  info.comparable = !array && (info.numeric || column.type_category == 'S' ||
                               column.type_category == 'D' || column.type_category == 'T');
  info.text = !array && (type == "text" || type == "varchar" || type == "bpchar" ||
                         type == "citext" || type == "name");
  info.jsonb = type == "jsonb";
  return info;
}

bool isBuiltinScalar(const std::string& name) {
  return name == "Int" || name == "Float" || name == "String" || name == "Boolean" || name == "ID";
}

pg::Column columnOfType(const pg::QualifiedName& type) {
  pg::Column column;
  column.type_name = type;
  column.type = type.name;
  const std::string& name = type.name;
  if (name.starts_with('_')) {
    column.type_category = 'A';
    column.element_type = name.substr(1);
  } else if (name == "int2" || name == "int4" || name == "int8" || name == "float4" ||
             name == "float8" || name == "numeric" || name == "money") {
    column.type_category = 'N';
  } else if (name == "text" || name == "varchar" || name == "bpchar" || name == "name" ||
             name == "citext") {
    column.type_category = 'S';
  } else if (name == "bool") {
    column.type_category = 'B';
  } else if (name == "date" || name == "timestamp" || name == "timestamptz" || name == "time" ||
             name == "timetz") {
    column.type_category = 'D';
  }
  return column;
}

}  // namespace graft::schema
