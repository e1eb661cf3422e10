#include "main/cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <thread>

#include "auth/jwt_config.h"
#include "common/log.h"
#include "server/cors.h"

namespace graft::cli {

namespace {

// One setting: its flag, its environment variable and where its raw text lands.
struct Setting {
  std::string flag;
  std::string env;
  std::optional<std::string> value;  // flag text, else the environment's, else unset
};

std::string trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = trim(text.substr(start, comma - start));
    if (!item.empty()) items.push_back(item);
    start = comma + 1;
  }
  return items;
}

Error invalid(const Setting& s, const std::string& expected) {
  return Error::validationFailed("invalid value \"" + s.value.value_or("") + "\" for " + s.flag +
                                 " (" + s.env + "): " + expected);
}

// For settings that hold secrets: the message does not repeat the value.
Error invalidSecret(const Setting& s, const std::string& why) {
  return Error::validationFailed("invalid value for " + s.flag + " (" + s.env + "): " + why);
}

Result<long long> parseInteger(const Setting& s, long long min, long long max) {
  const std::string text = trim(*s.value);
  long long v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || p != text.data() + text.size() || v < min || v > max) {
    return std::unexpected(invalid(
        s, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max)));
  }
  return v;
}

Result<bool> parseBool(const Setting& s) {
  std::string t;
  for (char c : trim(*s.value)) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "true" || t == "t" || t == "yes" || t == "y" || t == "1") return true;
  if (t == "false" || t == "f" || t == "no" || t == "n" || t == "0") return false;
  return std::unexpected(invalid(s, "expected true or false"));
}

class Builder {
 public:
  explicit Builder(const EnvLookup& env) : env_(env) {}

  // A value option: --flag <text>, falling back to the environment variable.
  Setting& option(CLI::App& target, const std::string& names, const std::string& env,
                  const std::string& description) {
    settings_.push_back(std::make_unique<Setting>());
    Setting& s = *settings_.back();
    s.env = env;
    auto* opt = target.add_option(names, s.value, description + "  [env: " + env + "]");
    s.flag = opt->get_name();
    return s;
  }

  // A switch: --flag turns it on; otherwise the environment variable's true/false decides.
  Setting& flag(CLI::App& target, const std::string& names, const std::string& env,
                const std::string& description) {
    settings_.push_back(std::make_unique<Setting>());
    Setting& s = *settings_.back();
    s.env = env;
    auto* opt = target.add_flag_callback(
        names, [&s] { s.value = "true"; }, description + "  [env: " + env + "]");
    s.flag = opt->get_name();
    return s;
  }

  void applyEnvironment() {
    for (auto& s : settings_) {
      if (!s->value && !s->env.empty()) s->value = env_(s->env);
    }
  }

 private:
  const EnvLookup& env_;
  std::vector<std::unique_ptr<Setting>> settings_;
};

}  // namespace

EnvLookup processEnv() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

Result<Command> parse(const std::vector<std::string>& args, const EnvLookup& env) {
  CLI::App app{"Graft: a Hasura-compatible GraphQL engine for PostgreSQL", "graft"};
  app.require_subcommand(0, 1);
  Builder b(env);

  // Database options are accepted before or after `serve`, as Hasura's are before it.
  CLI::App* serve = app.add_subcommand("serve", "Start the GraphQL server");
  CLI::App* version = app.add_subcommand("version", "Print the version");
  serve->fallthrough();

  Setting& database_url = b.option(app, "--database-url", "HASURA_GRAPHQL_DATABASE_URL",
                                   "Postgres database URL of the default source");
  Setting& metadata_url =
      b.option(app, "--metadata-database-url", "HASURA_GRAPHQL_METADATA_DATABASE_URL",
               "Postgres database URL where the metadata is stored");
  Setting& data_dir = b.option(app, "--data-dir", "GRAFT_DATA_DIR",
                               "Data directory of the managed PostgreSQL, used when no database "
                               "URL is given (default graft-data/pg)");

  Setting& host = b.option(*serve, "--server-host", "HASURA_GRAPHQL_SERVER_HOST",
                           "Host (IP address) to listen on, * for all (default *)");
  Setting& port = b.option(*serve, "--server-port", "HASURA_GRAPHQL_SERVER_PORT",
                           "Port to listen on (default 8080; 0 picks a free port)");
  Setting& admin_secret = b.option(*serve, "--admin-secret", "HASURA_GRAPHQL_ADMIN_SECRET",
                                   "Admin secret key, required to access this instance");
  Setting& jwt_secret = b.option(*serve, "--jwt-secret", "HASURA_GRAPHQL_JWT_SECRET",
                                 "JSON config of the JWT secret");
  Setting& jwt_secrets = b.option(*serve, "--jwt-secrets", "HASURA_GRAPHQL_JWT_SECRETS",
                                  "JSON list of JWT secret configs");
  Setting& auth_hook = b.option(*serve, "--auth-hook", "HASURA_GRAPHQL_AUTH_HOOK",
                                "URL of the authorization webhook");
  Setting& auth_hook_mode = b.option(*serve, "--auth-hook-mode", "HASURA_GRAPHQL_AUTH_HOOK_MODE",
                                     "HTTP method of the authorization webhook, GET or POST "
                                     "(default GET)");
  Setting& unauth_role = b.option(*serve, "--unauthorized-role", "HASURA_GRAPHQL_UNAUTHORIZED_ROLE",
                                  "Role of requests that carry no credentials");
  Setting& connections = b.option(*serve, "-c,--connections", "HASURA_GRAPHQL_PG_CONNECTIONS",
                                  "Maximum Postgres connections per pool (default 50)");
  Setting& timeout =
      b.option(*serve, "--timeout", "HASURA_GRAPHQL_PG_TIMEOUT",
               "Seconds a connection may stay idle before it is closed (default 180)");
  Setting& lifetime = b.option(*serve, "--conn-lifetime", "HASURA_GRAPHQL_PG_CONN_LIFETIME",
                               "Seconds after which a connection is retired, 0 for never "
                               "(default 600)");
  Setting& pool_timeout = b.option(*serve, "--pool-timeout", "HASURA_GRAPHQL_PG_POOL_TIMEOUT",
                                   "Seconds to wait for a free connection (default: no limit)");
  Setting& prepared =
      b.option(*serve, "--use-prepared-statements", "HASURA_GRAPHQL_USE_PREPARED_STATEMENTS",
               "Use prepared statements (default true)");
  Setting& console = b.flag(*serve, "--enable-console", "HASURA_GRAPHQL_ENABLE_CONSOLE",
                            "Serve the web console at /console");
  Setting& apis = b.option(*serve, "--enabled-apis", "HASURA_GRAPHQL_ENABLED_APIS",
                           "Comma-separated APIs to enable: metadata, graphql, pgdump, config, "
                           "developer, metrics (default metadata,graphql,pgdump,config)");
  Setting& log_level = b.option(*serve, "--log-level", "HASURA_GRAPHQL_LOG_LEVEL",
                                "debug, info, warn or error (default info)");
  Setting& log_types = b.option(*serve, "--enabled-log-types", "HASURA_GRAPHQL_ENABLED_LOG_TYPES",
                                "Comma-separated log types to write (default startup, http-log, "
                                "webhook-log, websocket-log, jwk-refresh-log)");
  Setting& cors = b.option(*serve, "--cors-domain", "HASURA_GRAPHQL_CORS_DOMAIN",
                           "Comma-separated origins allowed by CORS, * for all (default *)");
  Setting& disable_cors =
      b.flag(*serve, "--disable-cors", "HASURA_GRAPHQL_DISABLE_CORS", "Send no CORS headers");
  Setting& dev_mode = b.flag(*serve, "--dev-mode", "HASURA_GRAPHQL_DEV_MODE",
                             "Include internal error details in responses");
  Setting& stringify =
      b.flag(*serve, "--stringify-numeric-types", "HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES",
             "Return bigint, numeric and double precision values as strings");
  Setting& grace =
      b.option(*serve, "--graceful-shutdown-timeout", "HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT",
               "Seconds to let requests in flight finish on shutdown (default 60)");
  Setting& remote_permissions =
      b.flag(*serve, "--enable-remote-schema-permissions",
             "HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS",
             "Allow permissions on remote schemas (stored; remote schemas are not served yet)");
  Setting& sync_poll =
      b.option(*serve, "--schema-sync-poll-interval", "HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL",
               "Milliseconds between checks for metadata changed by other instances, besides "
               "their notifications; 0 turns following them off (default 1000)");
  Setting& demo =
      b.flag(*serve, "--demo", "GRAFT_DEMO",
             "Load the demo data set (Salesforce and HubSpot synced next to an application's "
             "users) and its metadata into the default database, unless it holds other tables");
  Setting& threads = b.option(*serve, "--threads", "GRAFT_THREADS",
                              "Worker threads (default: one per hardware thread)");
  Setting& plan_cache = b.option(*serve, "--plan-cache-size", "GRAFT_PLAN_CACHE_SIZE",
                                 "Requests whose plans are kept for reuse (default 256; 0: none)");
  Setting& max_body = b.option(*serve, "--max-body-size", "GRAFT_MAX_BODY_SIZE",
                               "Largest accepted request body in bytes (default 104857600)");

  std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
  std::reverse(rest.begin(), rest.end());  // CLI11 takes the arguments reversed
  Command command;
  try {
    app.parse(rest);
  } catch (const CLI::CallForHelp&) {
    command.action = Action::kHelp;
    command.help_text = app.help();
    return command;
  } catch (const CLI::ParseError& e) {
    return std::unexpected(
        Error::validationFailed(std::string(e.what()) + "\nRun 'graft --help' for usage."));
  }
  if (version->parsed()) {
    command.action = Action::kVersion;
    return command;
  }
  if (!serve->parsed()) {
    command.action = Action::kHelp;
    command.help_text = app.help();
    return command;
  }
  command.action = Action::kServe;
  b.applyEnvironment();

  ServerConfig& c = command.config;
  auto nonEmpty = [](const Setting& s) { return s.value && !s.value->empty(); };
  if (nonEmpty(database_url)) c.database_url = database_url.value;
  if (nonEmpty(metadata_url)) c.metadata_database_url = metadata_url.value;
  if (nonEmpty(data_dir)) c.data_dir = *data_dir.value;
  if (nonEmpty(host)) c.server_host = trim(*host.value);
  if (port.value) {
    GRAFT_TRY(auto v, parseInteger(port, 0, 65535));
    c.server_port = static_cast<uint16_t>(v);
  }
  if (nonEmpty(admin_secret)) c.admin_secret = admin_secret.value;
  if (nonEmpty(jwt_secret)) {
    c.jwt_secret = jwt_secret.value;
    if (auto parsed = auth::parseJwtConfig(*c.jwt_secret); !parsed) {
      return std::unexpected(invalidSecret(jwt_secret, parsed.error().message()));
    }
  }
  if (nonEmpty(jwt_secrets)) {
    c.jwt_secrets = jwt_secrets.value;
    if (auto parsed = auth::parseJwtConfigs(*c.jwt_secrets); !parsed) {
      return std::unexpected(invalidSecret(jwt_secrets, parsed.error().message()));
    }
  }
  if (nonEmpty(auth_hook)) c.auth_hook = trim(*auth_hook.value);
  if (nonEmpty(auth_hook_mode)) {
    std::string mode = trim(*auth_hook_mode.value);
    for (char& ch : mode) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (mode != "GET" && mode != "POST") {
      return std::unexpected(invalid(auth_hook_mode, "expected GET or POST"));
    }
    c.auth_hook_post = mode == "POST";
  }
  if (nonEmpty(unauth_role)) c.unauthorized_role = trim(*unauth_role.value);
  if (connections.value) {
    GRAFT_TRY(auto v, parseInteger(connections, 1, 10000));
    c.pg_connections = static_cast<int>(v);
  }
  if (timeout.value) {
    GRAFT_TRY(auto v, parseInteger(timeout, 1, 86400 * 365));
    c.pg_timeout = std::chrono::seconds(v);
  }
  if (lifetime.value) {
    GRAFT_TRY(auto v, parseInteger(lifetime, 0, 86400 * 365));
    c.pg_conn_lifetime = std::chrono::seconds(v);
  }
  if (pool_timeout.value) {
    GRAFT_TRY(auto v, parseInteger(pool_timeout, 1, 86400));
    c.pg_pool_timeout = std::chrono::seconds(v);
  }
  if (prepared.value) {
    GRAFT_TRY(c.use_prepared_statements, parseBool(prepared));
  }
  if (console.value) {
    GRAFT_TRY(c.enable_console, parseBool(console));
  }
  if (apis.value) {
    static const std::vector<std::string> known = {"metadata", "graphql",   "pgdump",
                                                   "config",   "developer", "metrics"};
    c.enabled_apis = splitList(*apis.value);
    for (const auto& api : c.enabled_apis) {
      if (std::find(known.begin(), known.end(), api) == known.end()) {
        return std::unexpected(invalid(apis, "unknown API \"" + api +
                                                 "\"; expected metadata, graphql, pgdump, "
                                                 "config, developer or metrics"));
      }
    }
  }
  if (log_level.value) {
    auto level = log::parseLevel(trim(*log_level.value));
    if (!level) return std::unexpected(invalid(log_level, "expected debug, info, warn or error"));
    c.log.level = *level;
  }
  if (log_types.value) {
    c.log.enabled_types = splitList(*log_types.value);
    if (auto ok = log::validateTypes(c.log.enabled_types); !ok) {
      return std::unexpected(invalid(log_types, ok.error().message()));
    }
  }
  if (cors.value) {
    c.cors_domains = splitList(*cors.value);
    auto policy = server::CorsPolicy::parse(*cors.value, false);
    if (!policy) return std::unexpected(invalid(cors, policy.error().message()));
  }
  if (disable_cors.value) {
    GRAFT_TRY(c.disable_cors, parseBool(disable_cors));
  }
  if (dev_mode.value) {
    GRAFT_TRY(c.dev_mode, parseBool(dev_mode));
  }
  if (stringify.value) {
    GRAFT_TRY(c.stringify_numeric_types, parseBool(stringify));
  }
  if (demo.value) {
    GRAFT_TRY(c.demo, parseBool(demo));
  }
  if (grace.value) {
    GRAFT_TRY(auto v, parseInteger(grace, 0, 86400));
    c.graceful_shutdown_timeout = std::chrono::seconds(v);
  }
  if (remote_permissions.value) {
    GRAFT_TRY(c.enable_remote_schema_permissions, parseBool(remote_permissions));
  }
  if (sync_poll.value) {
    GRAFT_TRY(auto v, parseInteger(sync_poll, 0, 86'400'000));
    c.schema_sync_poll_interval = std::chrono::milliseconds(v);
  }
  if (threads.value) {
    GRAFT_TRY(auto v, parseInteger(threads, 1, 1024));
    c.threads = static_cast<unsigned>(v);
  }
  if (c.threads == 0) c.threads = std::max(1u, std::thread::hardware_concurrency());
  if (plan_cache.value) {
    GRAFT_TRY(auto v, parseInteger(plan_cache, 0, 1'000'000));
    c.plan_cache_size = static_cast<size_t>(v);
  }
  if (max_body.value) {
    GRAFT_TRY(auto v, parseInteger(max_body, 1024, 1LL << 32));
    c.max_body_bytes = static_cast<size_t>(v);
  }
  return command;
}

}  // namespace graft::cli
