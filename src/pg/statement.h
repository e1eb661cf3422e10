// Statement: one SQL text with its text-format parameters ($1, $2, ...), as sent over the
// extended protocol. Plain value type: build it on any thread, move it into an execute call.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace graft::pg {

struct Statement {
  // A constructor on purpose: GCC 12 destroys a braced *aggregate* temporary twice when it is
  // built inside a co_await expression (`co_await pool->execute(Statement{...})`); with a
  // constructor the same spelling is safe.
  Statement() = default;
  Statement(std::string sql_text, std::vector<std::optional<std::string>> param_values = {})
      : sql(std::move(sql_text)), params(std::move(param_values)) {}

  std::string sql;
  // Text-format values of $1..$n; nullopt sends SQL NULL. Types are inferred by the server,
  // so SQL that needs a specific type casts the slot ($1::int).
  std::vector<std::optional<std::string>> params;
  // Results in binary format (QueryResult::value gives each value's send form), else text.
  bool binary_results = false;
};

}  // namespace graft::pg
