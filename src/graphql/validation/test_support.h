// What the validation tests share: a schema with every kind of type (graphql-js's validation
// harness schema plus Hasura-style tables and comparison inputs), and validate() run on query
// text. Test code only; one thread.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/schema.h"

namespace graft::graphql::validation {

const Schema& testSchema();

struct Reported {
  std::string message;
  std::string path;
  friend bool operator==(const Reported&, const Reported&) = default;
};
void PrintTo(const Reported& reported, std::ostream* out);
using Errors = std::vector<Reported>;

// Every error validate() reports for `query` (max_errors 0); a syntax error fails the test.
Errors errorsOf(std::string_view query, const Schema& schema = testSchema());
// The first error only, as Hasura reports it (the default options).
Errors firstErrorOf(std::string_view query, const Schema& schema = testSchema());

}  // namespace graft::graphql::validation
