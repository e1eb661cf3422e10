// Test support for the planner's golden tests: the fixture of tests/planner/fixture (a catalog,
// a metadata source entry, the SQL that creates both) made into the admin role's schema, and the
// cases of tests/planner/cases read, planned and printed as the text their golden files hold.
// Test-only; plain functions over their arguments, callable from any thread.
#pragma once

#include <boost/json/object.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "pg/catalog.h"
#include "planner/plan.h"
#include "schema/context.h"

namespace graft::planner::testing {

// tests/planner (GRAFT_PLANNER_TESTDATA), and the files in it.
std::filesystem::path testdataDir();
std::filesystem::path fixturePath(std::string_view name);
std::filesystem::path casePath(std::string_view name, std::string_view extension);

// The whole file; an empty string when it cannot be read (the comparison then shows why).
std::string readFile(const std::filesystem::path& path);
bool fileExists(const std::filesystem::path& path);

// GRAFT_UPDATE_GOLDEN=1: rewrite the expected files instead of comparing.
bool updateGolden();

// catalog.json as a Catalog.
Result<std::shared_ptr<const pg::Catalog>> fixtureCatalog();
// metadata.json resolved against `catalog` (no pool: these tests only plan), and the admin
// role's schema generated from it.
Result<std::shared_ptr<const schema::RoleSchema>> fixtureSchema(
    std::shared_ptr<const pg::Catalog> catalog);

// One case: tests/planner/cases/<name>.graphql. Header comment lines configure it:
//   # variables: {"id": 1}     the request's variables (one line of JSON)
//   # stringify                plan with PlanOptions::stringify_numeric_types
//   # session: {"x-hasura-role": "user", "x-hasura-user-id": "1"}
//                              plan as that role (its schema and permissions) and session
struct Case {
  std::string name;
  std::string query;  // the whole file (a GraphQL comment is ignored by the parser)
  boost::json::object variables;
  PlanOptions options;
  Session session = {};
};

// The case names (files ending .graphql), sorted.
std::vector<std::string> caseNames();
Result<Case> readCase(const std::string& name);

// A case run through parse, validate, variable coercion, normalisation and planQuery (or
// planMutation), as execute::GraphqlEngine chains them, with the schema of the case's role
// (`schema` itself when it is that role's). On failure `stage` names the step that
// refused it.
struct Planned {
  std::optional<Plan> plan;
  std::optional<Error> error;
  std::string stage;
};
Planned planCase(const schema::RoleSchema& schema, const Case& test_case);

// What <name>.sql holds: the pretty SQL, then `-- params:` and one parameter per line (NULL for
// SQL NULL; a value that is empty or literally NULL, holds a line break, starts with a double
// quote or starts or ends with a blank is written as a JSON string), then `-- fields:` with
// each root field's column or planning-time value. A mutation has one such block per statement
// instead, each headed `-- statement <n> (errors at <path>):`. A failure is written as
// `-- error (<stage>): <code>`, `-- path: ...`, `-- message: ...`.
std::string goldenText(const Planned& planned);

// The response a plan's statement yields, as the engine assembles it: {"data": {...}} from
// the row's columns and the planning-time values. `columns` holds each column's text or nullopt.
std::string responseJson(const Plan& plan, const std::vector<std::optional<std::string>>& columns);

// JSON text laid out with two spaces per level, one member per line; numbers and strings keep
// their text exactly (no re-encoding), so that numeric output is compared as Postgres wrote it.
std::string prettyJson(std::string_view json);

// The lines that differ, with three lines of context: "- " expected, "+ " actual.
std::string lineDiff(std::string_view expected, std::string_view actual);

// Compares `actual` with the golden file (or rewrites it when updateGolden()); a mismatch fails
// the test with the file's name and the line diff.
void expectGolden(const std::filesystem::path& file, const std::string& actual);

}  // namespace graft::planner::testing
