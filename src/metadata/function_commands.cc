#include "metadata/function_commands.h"

#include <boost/json/array.hpp>

#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

const pg::Function* findFunction(const pg::Catalog& catalog, const pg::QualifiedName& name) {
  for (const pg::Function& function : catalog.functions()) {
    if (function.name == name) return &function;
  }
  return nullptr;
}

bj::value nameObject(const pg::QualifiedName& name) {
  bj::object out;
  out["schema"] = name.schema;
  out["name"] = name.name;
  return out;
}

bj::array& listAt(bj::object& object, std::string_view key) {
  bj::value& list = object[key];
  if (!list.is_array()) list = bj::array();
  return list.as_array();
}

bool sameFunction(const bj::value& entry, const pg::QualifiedName& name) {
  if (!entry.is_object() || !entry.as_object().contains("function")) return false;
  auto parsed = parseTableName(entry.as_object().at("function"), "$");
  return parsed && *parsed == name;
}

// track_function {schema, name} / {function, source?, configuration?, comment?}.
Status trackFunction(bj::object& metadata, const pg::Catalog& catalog, const bj::value& args,
                     bool legacy) {
  pg::QualifiedName name;
  bj::object stored;
  std::string source = functionCommandSource(args);
  if (args.is_object() && args.as_object().contains("function")) {
    GRAFT_TRY(name, parseTableName(args.as_object().at("function"), "$.args.function"));
    for (const char* key : {"configuration", "comment"}) {
      if (auto found = args.as_object().find(key); found != args.as_object().end()) {
        stored[key] = found->value();
      }
    }
    // The older v2 form: {"config": {"session_variable_argument": ...}}.
    if (const bj::value* config = args.as_object().if_contains("config");
        config != nullptr && config->is_object() && !stored.contains("configuration")) {
      bj::object configuration;
      if (const bj::value* session = config->as_object().if_contains("session_variable_argument")) {
        configuration["session_argument"] = *session;
      }
      stored["configuration"] = std::move(configuration);
    }
  } else if (legacy || args.is_object()) {
    GRAFT_TRY(name, parseTableName(args, "$.args"));
  } else {
    return std::unexpected(Error::parseFailed("key \"function\" not found").withPath("$.args"));
  }
  if (findFunction(catalog, name) == nullptr) {
    return std::unexpected(
        argsError("not-exists", "function " + quoted(name) + " does not exist", "$.args"));
  }
  GRAFT_TRY(bj::object * entry, findSourceEntry(metadata, source));
  bj::array& functions = listAt(*entry, "functions");
  for (const bj::value& existing : functions) {
    if (sameFunction(existing, name)) {
      return std::unexpected(
          argsError("already-tracked", "function already tracked: " + quoted(name), "$.args"));
    }
  }
  stored["function"] = nameObject(name);
  functions.push_back(std::move(stored));
  return {};
}

Status untrackFunction(bj::object& metadata, const bj::value& args) {
  pg::QualifiedName name;
  if (args.is_object() && args.as_object().contains("function")) {
    GRAFT_TRY(name, parseTableName(args.as_object().at("function"), "$.args.function"));
  } else {
    GRAFT_TRY(name, parseTableName(args, "$.args"));
  }
  GRAFT_TRY(bj::object * entry, findSourceEntry(metadata, functionCommandSource(args)));
  bj::array& functions = listAt(*entry, "functions");
  for (auto it = functions.begin(); it != functions.end(); ++it) {
    if (sameFunction(*it, name)) {
      functions.erase(it);
      if (functions.empty()) entry->erase("functions");
      return {};
    }
  }
  return std::unexpected(
      argsError("not-exists", "function not found in metadata: " + quoted(name), "$.args"));
}

// add_computed_field {table, name, definition: {function, table_argument?,
// session_argument?}, comment?}.
Status addComputedField(bj::object& metadata, const pg::Catalog& catalog, const bj::value& args) {
  GRAFT_TRY(auto ref, parseTableRef(args));
  GRAFT_TRY(bj::object * entry, findTrackedTable(metadata, ref));
  const bj::object& a = args.as_object();
  auto name = a.find("name");
  auto definition = a.find("definition");
  if (name == a.end() || !name->value().is_string()) {
    return std::unexpected(Error::parseFailed("key \"name\" not found").withPath("$.args"));
  }
  if (definition == a.end() || !definition->value().is_object() ||
      !definition->value().as_object().contains("function")) {
    return std::unexpected(
        Error::parseFailed("key \"definition\" with a \"function\" not found").withPath("$.args"));
  }
  std::string field(name->value().as_string());
  GRAFT_TRY(auto function_name, parseTableName(definition->value().as_object().at("function"),
                                               "$.args.definition.function"));
  const pg::Function* function = findFunction(catalog, function_name);
  if (function == nullptr) {
    return std::unexpected(argsError("not-exists",
                                     "in table " + quoted(ref.table) + ": in computed field \"" +
                                         field +
                                         "\": no such function exists: " + quoted(function_name),
                                     "$.args"));
  }
  const pg::Table* table = catalog.findTable(ref.table);
  if (table != nullptr && table->findColumn(field) != nullptr) {
    return std::unexpected(argsError(
        "already-exists",
        "column/relationship \"" + field + "\" of table " + quoted(ref.table) + " already exists",
        "$.args"));
  }
  bj::array& fields = listAt(*entry, "computed_fields");
  for (const bj::value& existing : fields) {
    if (existing.is_object() && existing.as_object().contains("name") &&
        existing.as_object().at("name") == field.c_str()) {
      return std::unexpected(
          argsError("already-exists", "computed field \"" + field + "\" already exists", "$.args"));
    }
  }
  bj::object stored;
  stored["name"] = field;
  bj::object stored_definition = definition->value().as_object();
  stored_definition["function"] = nameObject(function_name);
  stored["definition"] = std::move(stored_definition);
  if (auto comment = a.find("comment"); comment != a.end()) stored["comment"] = comment->value();
  fields.push_back(std::move(stored));
  return {};
}

Status dropComputedField(bj::object& metadata, const bj::value& args) {
  GRAFT_TRY(auto ref, parseTableRef(args));
  GRAFT_TRY(bj::object * entry, findTrackedTable(metadata, ref));
  const bj::object& a = args.as_object();
  auto name = a.find("name");
  if (name == a.end() || !name->value().is_string()) {
    return std::unexpected(Error::parseFailed("key \"name\" not found").withPath("$.args"));
  }
  bj::array& fields = listAt(*entry, "computed_fields");
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    if (it->is_object() && it->as_object().contains("name") &&
        it->as_object().at("name") == name->value()) {
      fields.erase(it);
      if (fields.empty()) entry->erase("computed_fields");
      return {};
    }
  }
  return std::unexpected(
      argsError("not-exists",
                "computed field \"" + std::string(name->value().as_string()) + "\" does not exist",
                "$.args"));
}

}  // namespace

bool isFunctionCommand(std::string_view name) {
  return name == "track_function" || name == "untrack_function" || name == "add_computed_field" ||
         name == "drop_computed_field";
}

std::string functionCommandSource(const bj::value& args) {
  if (args.is_object()) {
    auto source = args.as_object().find("source");
    if (source != args.as_object().end() && source->value().is_string()) {
      return std::string(source->value().as_string());
    }
  }
  return "default";
}

Status runFunctionCommand(bj::object& metadata, const pg::Catalog& catalog, std::string_view name,
                          const bj::value& args, bool legacy) {
  if (name == "track_function") return trackFunction(metadata, catalog, args, legacy);
  if (name == "untrack_function") return untrackFunction(metadata, args);
  if (name == "add_computed_field") return addComputedField(metadata, catalog, args);
  return dropComputedField(metadata, args);
}

}  // namespace graft::metadata
