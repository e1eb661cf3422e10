// graphql_introspect <schema.graphql> <query.graphql>: builds a schema from SDL and prints the
// response to an introspection-only query as JSON ({"data": ...} or {"errors": [...]}). A
// test tool: the client-compatibility tests feed its output to graphql-js.
#include <boost/json/serialize.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/json.h"
#include "graphql/introspection.h"
#include "graphql/parser.h"
#include "graphql/schema_builder.h"

namespace {

std::string readFile(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int fail(const graft::Error& error) {
  boost::json::object body;
  body["errors"] = boost::json::array{graft::json::graphqlError(error)};
  std::cout << boost::json::serialize(body) << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace graft::graphql;
  if (argc != 3) {
    std::cerr << "usage: graphql_introspect <schema.graphql> <query.graphql>\n";
    return 2;
  }
  auto schema = buildSchemaFromSdl(readFile(argv[1]));
  if (!schema) return fail(schema.error());
  std::string query = readFile(argv[2]);
  Arena arena;
  auto document = parseExecutable(query, arena);
  if (!document) return fail(document.error().toError());
  auto operation = selectOperation(**document, "");
  if (!operation) return fail(operation.error());
  auto variables = coerceVariableValues(**schema, **operation, {});
  if (!variables) return fail(variables.error());
  auto normalized = normalize(**schema, **document, **operation, *variables, arena);
  if (!normalized) return fail(normalized.error());
  boost::json::object data;
  for (const NormalizedField& field : normalized->fields) {
    if (field.name() == "__typename") {
      data.emplace(field.response_key, (*schema)->queryType()->name());
    } else {
      data.emplace(field.response_key, resolveIntrospectionField(**schema, field, *variables));
    }
  }
  boost::json::object body;
  body["data"] = std::move(data);
  std::cout << boost::json::serialize(body) << "\n";
  return 0;
}
