#include "pg/sqlstate.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace graft::pg {
namespace {

Error map(std::string_view sqlstate, std::string_view message = "boom") {
  return errorFromServer(sqlstate, message, "", "", "SELECT 1");
}

struct Case {
  std::string_view sqlstate;
  std::string_view code;
  std::string_view message;
  int status;
};

TEST(SqlstateTest, MapsLikeHasura) {
  const Case cases[] = {
      {"23505", "constraint-violation", "Uniqueness violation. boom", 400},
      {"23503", "constraint-violation", "Foreign key violation. boom", 400},
      {"23502", "constraint-violation", "Not-NULL violation. boom", 400},
      {"23P01", "constraint-violation", "Exclusion violation. boom", 400},
      {"23001", "constraint-violation", "Can not delete or update due to data being referred. boom",
       400},
      {"23514", "permission-error", "Check constraint violation. boom", 400},
      {"23000", "constraint-violation", "boom", 400},
      {"22P02", "data-exception", "boom", 400},
      {"22003", "data-exception", "boom", 400},
      {"22025", "bad-request", "boom", 400},
      {"42501", "permission-error", "boom", 400},
      {"42P10", "constraint-error",
       "there is no unique or exclusion constraint on target column(s)", 400},
      {"42704", "constraint-error", "boom", 400},
      {"53300", "postgres-max-connections-error", "boom", 500},
      {"57014", "postgres-error", "boom", 500},
      {"40001", "postgres-error", "boom", 500},
      {"40P01", "postgres-error", "boom", 500},
      {"42P01", "postgres-error", "boom", 500},
      {"XX000", "postgres-error", "boom", 500},
      {"", "postgres-error", "boom", 500},
  };
  for (const Case& c : cases) {
    Error e = map(c.sqlstate);
    EXPECT_EQ(e.code(), c.code) << c.sqlstate;
    EXPECT_EQ(e.message(), c.message) << c.sqlstate;
    EXPECT_EQ(e.httpStatus(), c.status) << c.sqlstate;
  }
}

TEST(SqlstateTest, InternalDetailHasHasurasShape) {
  Error e = errorFromServer("23505", "duplicate key value violates unique constraint \"t_pkey\"",
                            "Key (id)=(1) already exists.", "", "INSERT INTO t VALUES ($1)");
  ASSERT_TRUE(e.internal().has_value());
  auto internal = boost::json::parse(*e.internal()).as_object();
  EXPECT_EQ(internal.at("statement").as_string(), "INSERT INTO t VALUES ($1)");
  const auto& error = internal.at("error").as_object();
  EXPECT_EQ(error.at("exec_status").as_string(), "FatalError");
  EXPECT_EQ(error.at("status_code").as_string(), "23505");
  EXPECT_EQ(error.at("message").as_string(),
            "duplicate key value violates unique constraint \"t_pkey\"");
  EXPECT_EQ(error.at("description").as_string(), "Key (id)=(1) already exists.");
  EXPECT_TRUE(error.at("hint").is_null());
}

TEST(SqlstateTest, HintIsKept) {
  Error e = errorFromServer("42883", "function f() does not exist", "", "No function matches.",
                            "SELECT f()");
  auto internal = boost::json::parse(*e.internal()).as_object();
  EXPECT_EQ(internal.at("error").as_object().at("hint").as_string(), "No function matches.");
  EXPECT_TRUE(internal.at("error").as_object().at("description").is_null());
}

}  // namespace
}  // namespace graft::pg
