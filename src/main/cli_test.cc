#include "main/cli.h"

#include <gtest/gtest.h>

#include <map>

namespace graft::cli {
namespace {

Result<Command> parseWith(std::vector<std::string> args, std::map<std::string, std::string> env) {
  args.insert(args.begin(), "graft");
  return parse(args, [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
}

TEST(CliTest, DefaultsMatchHasura) {
  auto cmd = parseWith({"serve"}, {});
  ASSERT_TRUE(cmd.has_value()) << cmd.error().message();
  EXPECT_EQ(cmd->action, Action::kServe);
  const auto& c = cmd->config;
  EXPECT_EQ(c.server_port, 8080);
  EXPECT_EQ(c.server_host, "*");
  EXPECT_EQ(c.pg_connections, 50);
  EXPECT_EQ(c.pg_timeout.count(), 180);
  EXPECT_FALSE(c.enable_console);
  EXPECT_EQ(c.enabled_apis, (std::vector<std::string>{"metadata", "graphql", "pgdump", "config"}));
  EXPECT_TRUE(c.managedDatabase());
  EXPECT_GE(c.threads, 1u);
  EXPECT_EQ(c.schema_sync_poll_interval.count(), 1000);
}

TEST(CliTest, EnvironmentIsReadAndFlagsWin) {
  auto cmd = parseWith({"serve", "--server-port", "9000"},
                       {{"HASURA_GRAPHQL_SERVER_PORT", "7000"},
                        {"HASURA_GRAPHQL_DATABASE_URL", "postgres://u@h/db"},
                        {"HASURA_GRAPHQL_ENABLE_CONSOLE", "true"},
                        {"HASURA_GRAPHQL_ENABLED_APIS", "graphql, metadata"},
                        {"HASURA_GRAPHQL_LOG_LEVEL", "warn"},
                        {"HASURA_GRAPHQL_PG_CONNECTIONS", "7"},
                        {"HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL", "0"}});
  ASSERT_TRUE(cmd.has_value()) << cmd.error().message();
  EXPECT_EQ(cmd->config.server_port, 9000);
  EXPECT_EQ(cmd->config.database_url, "postgres://u@h/db");
  EXPECT_TRUE(cmd->config.enable_console);
  EXPECT_EQ(cmd->config.enabled_apis, (std::vector<std::string>{"graphql", "metadata"}));
  EXPECT_EQ(cmd->config.log.level, log::Level::kWarn);
  EXPECT_EQ(cmd->config.pg_connections, 7);
  EXPECT_EQ(cmd->config.schema_sync_poll_interval.count(), 0);
  EXPECT_FALSE(cmd->config.managedDatabase());
}

TEST(CliTest, DemoIsAFlagOrGraftDemo) {
  auto off = parseWith({"serve"}, {});
  ASSERT_TRUE(off.has_value()) << off.error().message();
  EXPECT_FALSE(off->config.demo);
  auto flag = parseWith({"serve", "--demo"}, {{"GRAFT_DEMO", "false"}});
  ASSERT_TRUE(flag.has_value()) << flag.error().message();
  EXPECT_TRUE(flag->config.demo);
  auto env = parseWith({"serve"}, {{"GRAFT_DEMO", "true"}});
  ASSERT_TRUE(env.has_value()) << env.error().message();
  EXPECT_TRUE(env->config.demo);
  auto bad = parseWith({"serve"}, {{"GRAFT_DEMO", "maybe"}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message().find("GRAFT_DEMO"), std::string::npos);
}

TEST(CliTest, DatabaseUrlMayComeBeforeServe) {
  auto cmd = parseWith({"--database-url", "postgres://a@b/c", "serve"}, {});
  ASSERT_TRUE(cmd.has_value()) << cmd.error().message();
  EXPECT_EQ(cmd->config.database_url, "postgres://a@b/c");
}

TEST(CliTest, InvalidValuesNameTheOption) {
  struct Case {
    std::map<std::string, std::string> env;
    std::string needle;
  };
  std::vector<Case> cases = {
      {{{"HASURA_GRAPHQL_SERVER_PORT", "abc"}}, "HASURA_GRAPHQL_SERVER_PORT"},
      {{{"HASURA_GRAPHQL_SERVER_PORT", "70000"}}, "--server-port"},
      {{{"HASURA_GRAPHQL_PG_CONNECTIONS", "0"}}, "HASURA_GRAPHQL_PG_CONNECTIONS"},
      {{{"HASURA_GRAPHQL_ENABLE_CONSOLE", "maybe"}}, "HASURA_GRAPHQL_ENABLE_CONSOLE"},
      {{{"HASURA_GRAPHQL_ENABLED_APIS", "graphql,bogus"}}, "bogus"},
      {{{"HASURA_GRAPHQL_LOG_LEVEL", "loud"}}, "HASURA_GRAPHQL_LOG_LEVEL"},
      {{{"HASURA_GRAPHQL_ENABLED_LOG_TYPES", "http-log,nope"}}, "nope"},
      {{{"HASURA_GRAPHQL_CORS_DOMAIN", "example.com"}}, "HASURA_GRAPHQL_CORS_DOMAIN"},
  };
  for (const auto& c : cases) {
    auto cmd = parseWith({"serve"}, c.env);
    ASSERT_FALSE(cmd.has_value()) << c.needle;
    EXPECT_NE(cmd.error().message().find(c.needle), std::string::npos) << cmd.error().message();
  }
}

TEST(CliTest, AuthSettings) {
  const std::string jwt = R"({"type":"HS256","key":"0123456789abcdef0123456789abcdef"})";
  auto cmd = parseWith({"serve"}, {{"HASURA_GRAPHQL_JWT_SECRET", jwt},
                                   {"HASURA_GRAPHQL_JWT_SECRETS", "[" + jwt + "]"},
                                   {"HASURA_GRAPHQL_AUTH_HOOK", " http://hook/auth "},
                                   {"HASURA_GRAPHQL_AUTH_HOOK_MODE", "post"}});
  ASSERT_TRUE(cmd.has_value()) << cmd.error().message();
  EXPECT_EQ(cmd->config.jwt_secret, jwt);
  EXPECT_EQ(cmd->config.jwt_secrets, "[" + jwt + "]");
  EXPECT_EQ(cmd->config.auth_hook, "http://hook/auth");
  EXPECT_TRUE(cmd->config.auth_hook_post);
  EXPECT_FALSE(parseWith({"serve"}, {{"HASURA_GRAPHQL_AUTH_HOOK_MODE", "PUT"}}).has_value());
  // An invalid JWT config stops start-up, without repeating the secret.
  auto bad = parseWith({"serve"},
                       {{"HASURA_GRAPHQL_JWT_SECRET", R"({"type":"HS256","key":"tiny-secret"})"}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message().find("HASURA_GRAPHQL_JWT_SECRET"), std::string::npos);
  EXPECT_EQ(bad.error().message().find("tiny-secret"), std::string::npos);
  EXPECT_FALSE(parseWith({"serve"}, {{"HASURA_GRAPHQL_JWT_SECRETS", "{}"}}).has_value());
}

TEST(CliTest, UnknownFlagIsAnError) {
  auto cmd = parseWith({"serve", "--no-such-flag"}, {});
  ASSERT_FALSE(cmd.has_value());
  EXPECT_NE(cmd.error().message().find("--no-such-flag"), std::string::npos);
}

TEST(CliTest, HelpListsOptionsAndEnvironmentVariables) {
  auto cmd = parseWith({"serve", "--help"}, {});
  ASSERT_TRUE(cmd.has_value());
  EXPECT_EQ(cmd->action, Action::kHelp);
  EXPECT_NE(cmd->help_text.find("--server-port"), std::string::npos);
  EXPECT_NE(cmd->help_text.find("HASURA_GRAPHQL_SERVER_PORT"), std::string::npos);
  auto top = parseWith({"--help"}, {});
  ASSERT_TRUE(top.has_value());
  EXPECT_NE(top->help_text.find("serve"), std::string::npos);
}

}  // namespace
}  // namespace graft::cli
