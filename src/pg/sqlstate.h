// The one table that turns a PostgreSQL server error (SQLSTATE + message fields) into the
// Hasura error a client sees. Pure functions; callable from any thread.
#pragma once

#include <string>
#include <string_view>

#include "common/error.h"

namespace graft::pg {

// Maps a server error the way Hasura's transaction error handler does (class 23 →
// constraint-violation with Hasura's message prefixes, class 22 → data-exception, ...;
// anything unrecognised → postgres-error with the server's message). The internal detail is
// Hasura's shape: {"error":{"exec_status","message","status_code","description","hint"},
// "statement"}.
Error errorFromServer(std::string_view sqlstate, std::string_view message, std::string_view detail,
                      std::string_view hint, std::string_view statement);

// The internal detail JSON alone (also used for errors that are not mapped by SQLSTATE).
std::string serverErrorInternal(std::string_view sqlstate, std::string_view message,
                                std::string_view detail, std::string_view hint,
                                std::string_view statement);

}  // namespace graft::pg
