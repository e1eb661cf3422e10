#include "planner/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "graphql/arena.h"
#include "graphql/normalize.h"
#include "graphql/parser.h"
#include "graphql/validation.h"
#include "metadata/resolved.h"

namespace graft::planner::testing {

namespace bj = boost::json;
namespace fs = std::filesystem;

fs::path testdataDir() { return fs::path(GRAFT_PLANNER_TESTDATA); }

fs::path fixturePath(std::string_view name) { return testdataDir() / "fixture" / name; }

fs::path casePath(std::string_view name, std::string_view extension) {
  return testdataDir() / "cases" / (std::string(name) + std::string(extension));
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool fileExists(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool updateGolden() {
  const char* value = std::getenv("GRAFT_UPDATE_GOLDEN");
  return value != nullptr && std::string_view(value) == "1";
}

Result<std::shared_ptr<const pg::Catalog>> fixtureCatalog() {
  GRAFT_TRY(auto catalog, pg::parseCatalog(readFile(fixturePath("catalog.json"))));
  return std::make_shared<const pg::Catalog>(std::move(catalog));
}

Result<std::shared_ptr<const schema::RoleSchema>> fixtureSchema(
    std::shared_ptr<const pg::Catalog> catalog) {
  boost::system::error_code ec;
  bj::value entry = bj::parse(readFile(fixturePath("metadata.json")), ec);
  if (ec || !entry.is_object()) {
    return std::unexpected(Error::unexpected("fixture/metadata.json is not a JSON object"));
  }
  auto resolved = std::make_shared<metadata::Resolved>();
  resolved->sources.push_back(
      metadata::resolveSource(entry.as_object(), "default", nullptr, std::move(catalog)));
  return schema::buildRoleSchema(std::move(resolved), "admin");
}

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(testdataDir() / "cases", ec)) {
    if (entry.path().extension() == ".graphql") names.push_back(entry.path().stem().string());
  }
  std::ranges::sort(names);
  return names;
}

Result<Case> readCase(const std::string& name) {
  Case test_case{name, readFile(casePath(name, ".graphql")), {}, {}};
  if (test_case.query.empty()) {
    return std::unexpected(Error::unexpected("cannot read " + casePath(name, ".graphql").string()));
  }
  std::istringstream lines(test_case.query);
  std::string line;
  constexpr std::string_view kVariables = "# variables:";
  constexpr std::string_view kSession = "# session:";
  while (std::getline(lines, line) && line.starts_with("#")) {
    if (line.starts_with(kVariables)) {
      boost::system::error_code ec;
      bj::value variables = bj::parse(line.substr(kVariables.size()), ec);
      if (ec || !variables.is_object()) {
        return std::unexpected(Error::unexpected(name + ": `# variables:` is not a JSON object"));
      }
      test_case.variables = variables.as_object();
    } else if (line == "# stringify") {
      test_case.options.stringify_numeric_types = true;
    } else if (line.starts_with(kSession)) {
      boost::system::error_code ec;
      bj::value session = bj::parse(line.substr(kSession.size()), ec);
      if (ec || !session.is_object()) {
        return std::unexpected(Error::unexpected(name + ": `# session:` is not a JSON object"));
      }
      for (const auto& [key, value] : session.as_object()) {
        std::string lower(key);
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!value.is_string()) continue;
        if (lower == "x-hasura-role") {
          test_case.session.role = value.as_string();
        } else {
          test_case.session.variables.emplace_back(lower, value.as_string());
        }
      }
    }
  }
  return test_case;
}

Planned planCase(const schema::RoleSchema& admin_schema, const Case& test_case) {
  Planned out;
  auto fail = [&out](std::string stage, Error error) {
    out.stage = std::move(stage);
    out.error = std::move(error);
    return out;
  };
  std::shared_ptr<const schema::RoleSchema> role_schema;
  if (test_case.session.role != admin_schema.role()) {
    auto built = schema::buildRoleSchema(admin_schema.sharedResolved(), test_case.session.role,
                                         admin_schema.sharedTypes());
    if (!built) return fail("schema", built.error());
    role_schema = std::move(*built);
  }
  const schema::RoleSchema& schema = role_schema ? *role_schema : admin_schema;
  graphql::Arena arena;
  auto document = graphql::parseExecutable(test_case.query, arena);
  if (!document) return fail("parse", Error::parseFailed(document.error().describe()));
  graphql::ValidationOptions validation;
  validation.reject_unused_fragments = false;
  validation.reject_unused_variables = false;
  std::vector<Error> errors = graphql::validate(schema.schema(), **document, validation);
  if (!errors.empty()) return fail("validate", errors.front());
  auto operation = graphql::selectOperation(**document, "");
  if (!operation) return fail("operation", operation.error());
  auto variables = graphql::coerceVariableValues(schema.schema(), **operation, test_case.variables);
  if (!variables) return fail("variables", variables.error());
  auto normalized = graphql::normalize(schema.schema(), **document, **operation, *variables, arena);
  if (!normalized) return fail("normalize", normalized.error());
  bool mutation = (*operation)->operation == graphql::ast::OperationType::kMutation;
  const Session& session = test_case.session;
  PlanOptions options = test_case.options;
  options.pretty_sql = true;
  auto plan = mutation ? planMutation(schema, *normalized, *variables, session, options)
                       : planQuery(schema, *normalized, *variables, session, options);
  if (!plan) return fail("plan", plan.error());
  out.plan = std::move(*plan);
  return out;
}

namespace {

// A parameter on its own line, unambiguous against NULL and against the line structure.
std::string paramLine(const std::optional<std::string>& value) {
  if (!value) return "NULL";
  auto isBlank = [](char c) { return c == ' ' || c == '\t'; };
  bool plain = !value->empty() && *value != "NULL" && !value->starts_with('"') &&
               !isBlank(value->front()) && !isBlank(value->back()) &&
               value->find_first_of("\r\n") == std::string::npos;
  return plain ? *value : bj::serialize(bj::value(*value));
}

}  // namespace

std::string goldenText(const Planned& planned) {
  std::string out;
  if (planned.error) {
    out += "-- error (" + planned.stage + "): " + planned.error->code() + "\n";
    out += "-- path: " + planned.error->path() + "\n";
    out += "-- message: " + planned.error->message() + "\n";
    return out;
  }
  const Plan& plan = *planned.plan;
  if (plan.statement) {
    out += plan.pretty_sql + "\n-- params:\n";
    for (const auto& value : plan.statement->params) out += paramLine(value) + "\n";
  } else if (!plan.mutations.empty()) {
    for (size_t i = 0; i < plan.mutations.size(); ++i) {
      const MutationStatement& mutation = plan.mutations[i];
      out += "-- statement " + std::to_string(i) + " (errors at " + mutation.error_path + "):\n";
      out += mutation.pretty_sql + "\n-- params:\n";
      for (const auto& value : mutation.statement.params) out += paramLine(value) + "\n";
      for (size_t g = 0; g < mutation.guards.size(); ++g) {
        out += "-- guard " + std::to_string(g + 1) + " at " + mutation.guards[g].path + ": " +
               mutation.guards[g].message + "\n";
      }
    }
  } else {
    out += "-- no statement\n";
  }
  out += "-- fields:\n";
  for (const RootFieldPlan& field : plan.fields) {
    out += field.response_key + ": ";
    out += field.column ? "column " + std::to_string(*field.column) : field.value;
    out += "\n";
  }
  return out;
}

std::string responseJson(const Plan& plan, const std::vector<std::optional<std::string>>& columns) {
  std::string out = "{\"data\":{";
  for (size_t i = 0; i < plan.fields.size(); ++i) {
    const RootFieldPlan& field = plan.fields[i];
    if (i > 0) out += ',';
    out += bj::serialize(bj::value(field.response_key)) + ":";
    if (!field.column) {
      out += field.value;
    } else if (static_cast<size_t>(*field.column) >= columns.size() || !columns[*field.column]) {
      out += "null";
    } else {
      out += *columns[*field.column];
    }
  }
  return out + "}}";
}

std::string prettyJson(std::string_view json) {
  std::string out;
  int depth = 0;
  auto newline = [&] {
    out += '\n';
    out.append(static_cast<size_t>(2 * std::max(depth, 0)), ' ');
  };
  auto isSpace = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '"') {
      size_t end = i + 1;
      while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
      out.append(json.substr(i, end - i + 1));
      i = end;
    } else if (c == '{' || c == '[') {
      size_t next = i + 1;
      while (next < json.size() && isSpace(json[next])) ++next;
      if (next < json.size() && (json[next] == '}' || json[next] == ']')) {
        out += c;
        out += json[next];
        i = next;
        continue;
      }
      out += c;
      ++depth;
      newline();
    } else if (c == '}' || c == ']') {
      --depth;
      newline();
      out += c;
    } else if (c == ',') {
      out += ',';
      newline();
    } else if (c == ':') {
      out += ": ";
    } else if (!isSpace(c)) {
      out += c;
    }
  }
  return out + "\n";
}

std::string lineDiff(std::string_view expected, std::string_view actual) {
  auto split = [](std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
      size_t end = text.find('\n');
      lines.push_back(text.substr(0, end));
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return lines;
  };
  std::vector<std::string_view> old_lines = split(expected), new_lines = split(actual);
  size_t prefix = 0;
  while (prefix < old_lines.size() && prefix < new_lines.size() &&
         old_lines[prefix] == new_lines[prefix]) {
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < old_lines.size() - prefix && suffix < new_lines.size() - prefix &&
         old_lines[old_lines.size() - 1 - suffix] == new_lines[new_lines.size() - 1 - suffix]) {
    ++suffix;
  }
  constexpr size_t kContext = 3;
  size_t from = prefix > kContext ? prefix - kContext : 0;
  std::string out = "@@ line " + std::to_string(from + 1) + " @@\n";
  for (size_t i = from; i < prefix; ++i) out += "  " + std::string(old_lines[i]) + "\n";
  for (size_t i = prefix; i < old_lines.size() - suffix; ++i) {
    out += "- " + std::string(old_lines[i]) + "\n";
  }
  for (size_t i = prefix; i < new_lines.size() - suffix; ++i) {
    out += "+ " + std::string(new_lines[i]) + "\n";
  }
  for (size_t i = new_lines.size() - suffix, n = 0; i < new_lines.size() && n < kContext;
       ++i, ++n) {
    out += "  " + std::string(new_lines[i]) + "\n";
  }
  return out;
}

void expectGolden(const fs::path& file, const std::string& actual) {
  if (updateGolden()) {
    if (!fileExists(file) || readFile(file) != actual) {
      std::ofstream(file, std::ios::binary | std::ios::trunc) << actual;
    }
    return;
  }
  if (!fileExists(file)) {
    ADD_FAILURE() << "missing golden file " << file.string()
                  << " (GRAFT_UPDATE_GOLDEN=1 writes it); actual:\n"
                  << actual;
    return;
  }
  std::string expected = readFile(file);
  if (expected == actual) return;
  ADD_FAILURE() << "golden file " << file.string() << " differs (GRAFT_UPDATE_GOLDEN=1 rewrites "
                << "it):\n"
                << lineDiff(expected, actual);
}

}  // namespace graft::planner::testing
