#include "embedded/managed_postgres.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace graft::embedded {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/graft-test-XXXXXX";
    path_ = ::mkdtemp(tmpl);
    fs::permissions(path_, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string queryOne(const std::string& conninfo, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  std::string out;
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* res = PQexec(conn, sql.c_str());
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0) out = PQgetvalue(res, 0, 0);
    if (PQresultStatus(res) == PGRES_COMMAND_OK) out = PQcmdStatus(res);
    PQclear(res);
  } else {
    out = std::string("connect failed: ") + PQerrorMessage(conn);
  }
  PQfinish(conn);
  return out;
}

ManagedPostgresOptions testOptions(const fs::path& dir) {
  ManagedPostgresOptions o;
  o.data_dir = dir / "pg";
  o.fsync = false;
  return o;
}

TEST(ManagedPostgresTest, StartsQueriesAndKeepsDataAcrossRestarts) {
  TempDir dir;
  {
    auto server = ManagedPostgres::start(testOptions(dir.path()));
    ASSERT_TRUE(server.has_value()) << server.error().message();
    EXPECT_EQ(queryOne((*server)->conninfo(), "select 1"), "1");
    EXPECT_EQ(queryOne((*server)->url(), "create table kept(v text)"), "CREATE TABLE");
    EXPECT_EQ(queryOne((*server)->conninfo(), "insert into kept values ('still here')"),
              "INSERT 0 1");
    EXPECT_EQ(queryOne((*server)->conninfo(), "show listen_addresses"), "");
  }
  auto again = ManagedPostgres::start(testOptions(dir.path()));
  ASSERT_TRUE(again.has_value()) << again.error().message();
  EXPECT_EQ(queryOne((*again)->conninfo(), "select v from kept"), "still here");
}

TEST(ManagedPostgresTest, RefusesASecondServerOnTheSameDataDirectory) {
  TempDir dir;
  auto first = ManagedPostgres::start(testOptions(dir.path()));
  ASSERT_TRUE(first.has_value()) << first.error().message();
  auto second = ManagedPostgres::start(testOptions(dir.path()));
  ASSERT_FALSE(second.has_value());
  EXPECT_NE(second.error().message().find("in use by another graft"), std::string::npos);
}

TEST(ManagedPostgresTest, RecoversFromACrashedServer) {
  TempDir dir;
  {
    auto server = ManagedPostgres::start(testOptions(dir.path()));
    ASSERT_TRUE(server.has_value()) << server.error().message();
    queryOne((*server)->conninfo(), "create table t(v int); insert into t values (7)");
    ::kill((*server)->pid(), SIGKILL);  // leaves postmaster.pid behind
  }
  EXPECT_TRUE(fs::exists(dir.path() / "pg" / "postmaster.pid"));
  auto again = ManagedPostgres::start(testOptions(dir.path()));
  ASSERT_TRUE(again.has_value()) << again.error().message();
  EXPECT_EQ(queryOne((*again)->conninfo(), "select v from t"), "7");
}

TEST(ManagedPostgresTest, RejectsADirectoryThatIsNotACluster) {
  TempDir dir;
  fs::create_directories(dir.path() / "pg");
  std::ofstream(dir.path() / "pg" / "somefile") << "x";
  auto server = ManagedPostgres::start(testOptions(dir.path()));
  ASSERT_FALSE(server.has_value());
  EXPECT_NE(server.error().message().find("neither empty nor"), std::string::npos);
}

}  // namespace
}  // namespace graft::embedded
