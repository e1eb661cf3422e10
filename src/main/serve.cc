#include "main/serve.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/object.hpp>
#include <thread>

#include "auth/authenticator.h"
#include "common/log.h"
#include "common/version.h"
#include "demo/demo.h"
#include "demo/demo_metadata.h"
#include "embedded/managed_postgres.h"
#include "execute/engine.h"
#include "http/client.h"
#include "metadata/service.h"
#include "pg/pool.h"
#include "server/api_endpoints.h"
#include "server/cors.h"
#include "server/endpoints.h"
#include "server/graphql_endpoint.h"
#include "server/http_server.h"
#include "server/router.h"

namespace graft {

namespace {

namespace asio = boost::asio;

pg::PoolSettings poolSettings(const ServerConfig& config, std::string conninfo) {
  pg::PoolSettings s;
  s.conninfo = std::move(conninfo);
  s.max_connections = config.pg_connections;
  s.idle_timeout = config.pg_timeout;
  s.lifetime = config.pg_conn_lifetime;
  if (config.pg_pool_timeout) s.acquire_timeout = *config.pg_pool_timeout;
  s.use_prepared_statements = config.use_prepared_statements;
  return s;
}

// The pool of a source added through the metadata, from Hasura's source configuration:
// connection_info.database_url as a string or {"from_env": VAR}, pool_settings (seconds),
// use_prepared_statements; unset settings take the server's.
Result<std::shared_ptr<pg::Pool>> sourcePool(asio::any_io_executor executor,
                                             const ServerConfig& config,
                                             const boost::json::value& configuration) {
  auto invalid = [](std::string message) {
    return std::unexpected(Error::parseFailed(std::move(message)));
  };
  if (!configuration.is_object() || !configuration.as_object().contains("connection_info") ||
      !configuration.as_object().at("connection_info").is_object()) {
    return invalid("the configuration needs a \"connection_info\" object");
  }
  const boost::json::object& info = configuration.as_object().at("connection_info").as_object();
  auto url = info.find("database_url");
  std::string conninfo;
  if (url != info.end() && url->value().is_string()) {
    conninfo = url->value().as_string();
  } else if (url != info.end() && url->value().is_object() &&
             url->value().as_object().contains("from_env") &&
             url->value().as_object().at("from_env").is_string()) {
    std::string variable(url->value().as_object().at("from_env").as_string());
    const char* value = std::getenv(variable.c_str());
    if (value == nullptr) {
      return std::unexpected(Error::notFound("environment variable \"" + variable + "\" not set"));
    }
    conninfo = value;
  } else {
    return invalid("connection_info.database_url must be a string or {\"from_env\": ...}");
  }
  pg::PoolSettings settings = poolSettings(config, conninfo);
  if (auto pool = info.find("pool_settings"); pool != info.end() && pool->value().is_object()) {
    const boost::json::object& p = pool->value().as_object();
    auto seconds = [&](const char* key) -> std::optional<std::chrono::milliseconds> {
      auto found = p.find(key);
      if (found == p.end() || !found->value().is_number()) return std::nullopt;
      return std::chrono::milliseconds(
          static_cast<long>(found->value().to_number<double>() * 1000));
    };
    if (auto max = p.find("max_connections"); max != p.end() && max->value().is_int64()) {
      settings.max_connections = static_cast<int>(max->value().as_int64());
    }
    if (auto idle = seconds("idle_timeout")) settings.idle_timeout = *idle;
    if (auto lifetime = seconds("connection_lifetime")) settings.lifetime = *lifetime;
    if (auto timeout = seconds("pool_timeout")) settings.acquire_timeout = *timeout;
  }
  if (auto prepared = info.find("use_prepared_statements");
      prepared != info.end() && prepared->value().is_bool()) {
    settings.use_prepared_statements = prepared->value().as_bool();
  }
  return pg::Pool::create(std::move(executor), std::move(settings));
}

// The one Authenticator of the server, from the auth settings; refuses what Hasura refuses.
Result<std::shared_ptr<auth::Authenticator>> makeAuthenticator(
    const ServerConfig& c, asio::any_io_executor executor,
    std::shared_ptr<http::HttpClient> client) {
  auth::AuthConfig a;
  a.admin_secret = c.admin_secret;
  a.unauthorized_role = c.unauthorized_role;
  if (c.jwt_secret) {
    GRAFT_TRY(auto jwt, auth::parseJwtConfig(*c.jwt_secret));
    a.jwt.push_back(std::move(jwt));
  }
  if (c.jwt_secrets) {
    GRAFT_TRY(auto list, auth::parseJwtConfigs(*c.jwt_secrets));
    for (auto& jwt : list) a.jwt.push_back(std::move(jwt));
  }
  if (c.auth_hook) {
    auth::WebhookConfig hook;
    hook.url = *c.auth_hook;
    hook.mode =
        c.auth_hook_post ? auth::WebhookConfig::Mode::kPost : auth::WebhookConfig::Mode::kGet;
    a.webhook = std::move(hook);
  }
  return auth::Authenticator::create(std::move(a), std::move(executor), std::move(client));
}

// Logs the effective configuration without secrets, as Hasura's server_configuration does.
void logConfiguration(const ServerConfig& c) {
  boost::json::object info;
  info["version"] = kVersion;
  info["server_host"] = c.server_host;
  info["port"] = c.server_port;
  info["threads"] = c.threads;
  info["plan_cache_size"] = c.plan_cache_size;
  info["managed_database"] = c.managedDatabase();
  info["admin_secret_set"] = c.admin_secret.has_value();
  info["jwt_secret_set"] = c.jwt_secret.has_value() || c.jwt_secrets.has_value();
  info["auth_hook"] = c.auth_hook ? boost::json::value(*c.auth_hook) : nullptr;
  info["auth_hook_mode"] = c.auth_hook_post ? "POST" : "GET";
  info["unauth_role"] = c.unauthorized_role ? boost::json::value(*c.unauthorized_role) : nullptr;
  info["pg_connections"] = c.pg_connections;
  info["enable_console"] = c.enable_console;
  boost::json::array apis;
  for (const auto& a : c.enabled_apis) apis.push_back(boost::json::string(a));
  info["enabled_apis"] = std::move(apis);
  info["log_level"] = log::levelName(c.log.level);
  info["dev_mode"] = c.dev_mode;
  info["stringify_numeric_types"] = c.stringify_numeric_types;
  boost::json::object detail;
  detail["kind"] = "server_configuration";
  detail["info"] = std::move(info);
  log::write(log::Level::kInfo, "startup", detail);
}

// Startup fails fast and clearly when the metadata database cannot be reached or its
// catalog cannot be prepared.
asio::awaitable<Status> startMetadata(std::shared_ptr<metadata::MetadataService> service) {
  co_return co_await service->start();
}

using Pools = std::vector<std::shared_ptr<pg::Pool>>;

void closeAll(const Pools& pools) {
  for (const auto& pool : pools) pool->close();
}

asio::awaitable<void> shutdown(server::HttpServer& http, Pools pools,
                               std::chrono::milliseconds grace, asio::io_context& ioc) {
  log::info("startup", "shutdown", "received a stop signal; finishing requests in flight");
  co_await http.shutdown(grace);
  closeAll(pools);
  ioc.stop();
}

void startShutdown(asio::io_context& ioc, server::HttpServer& http, Pools pools,
                   std::chrono::milliseconds grace) {
  asio::co_spawn(asio::make_strand(ioc), shutdown(http, std::move(pools), grace, ioc),
                 asio::detached);
}

std::string describe(const Error& error) {
  std::string detail = error.internal().value_or("");
  return error.message() + (detail.empty() ? "" : " " + detail);
}

void logDemo(const demo::Outcome& outcome) {
  std::string what = outcome.loaded_data ? "loaded the demo data set"
                                         : "the demo data set is already in the database";
  if (outcome.applied_metadata) {
    what += outcome.loaded_data ? " and its metadata" : "; tracked its tables and relationships";
  }
  log::info("startup", "demo", what);
}

// What `--demo` prints once Graft listens: where, and a query to paste (stderr, for people;
// stdout carries the JSON log).
void printDemoBanner(const ServerConfig& config, uint16_t port) {
  std::string shown = config.server_host;
  if (shown == "*" || shown == "0.0.0.0" || shown == "::") {
    shown = "localhost";
  } else if (shown.find(':') != std::string::npos) {
    shown = "[" + shown + "]";  // an IPv6 address
  }
  std::string base = "http://" + shown + ":" + std::to_string(port);
  std::string text =
      "\nGraft serves the demo data set (Salesforce and HubSpot synced next to an "
      "application's users) on " +
      base + "\nAsk it for user 1's HubSpot deals:\n\n  " +
      demo::curlCommand(base + "/v1/graphql", config.admin_secret.has_value()) +
      "\n\nREADME.md shows the query and explains how to use your own database.\n\n";
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace

int runServe(const ServerConfig& config) {
  log::configure(config.log);
  logConfiguration(config);

  auto fail = [](const std::string& kind, const std::string& message) {
    log::error("startup", kind, message);
    std::fprintf(stderr, "graft: %s\n", message.c_str());
    return 1;
  };

  std::unique_ptr<embedded::ManagedPostgres> managed;
  std::string metadata_url;
  if (config.managedDatabase()) {
    embedded::ManagedPostgresOptions options;
    options.data_dir = config.data_dir;
    auto started = embedded::ManagedPostgres::start(options);
    if (!started) return fail("managed-postgres", started.error().message());
    managed = std::move(*started);
    metadata_url = managed->url();
    // The default source refers to HASURA_GRAPHQL_DATABASE_URL, as Hasura's does; in managed
    // mode that is the managed server's (per-start) socket address.
    ::setenv("HASURA_GRAPHQL_DATABASE_URL", metadata_url.c_str(), 1);
  } else {
    metadata_url = config.metadata_database_url.value_or(config.database_url.value_or(""));
  }

  asio::io_context ioc(static_cast<int>(config.threads));
  auto metadata_pool = pg::Pool::create(ioc.get_executor(), poolSettings(config, metadata_url));
  // The default source: HASURA_GRAPHQL_DATABASE_URL (or the managed database). With no
  // separate metadata database it shares the metadata pool.
  std::optional<metadata::Source> default_source;
  if (config.managedDatabase() || (config.database_url && !config.metadata_database_url)) {
    default_source = metadata::Source{"default", metadata_pool};
  } else if (config.database_url) {
    default_source = metadata::Source{
        "default",
        pg::Pool::create(ioc.get_executor(), poolSettings(config, *config.database_url))};
  }
  auto service = std::make_shared<metadata::MetadataService>(
      metadata_pool, default_source, [&config, executor = ioc.get_executor()](const auto& c) {
        return sourcePool(executor, config, c);
      });
  service->enableRemoteSchemaPermissions(config.enable_remote_schema_permissions);
  Pools pools = {metadata_pool};
  if (default_source && default_source->pool != metadata_pool)
    pools.push_back(default_source->pool);

  server::Router router;
  server::addCoreEndpoints(router, {&config, metadata_pool});
  auto engine = std::make_shared<execute::GraphqlEngine>(
      service,
      execute::GraphqlEngine::Options{.stringify_numeric_types = config.stringify_numeric_types,
                                      .plan_cache_size = config.plan_cache_size});
  auto authenticator =
      makeAuthenticator(config, ioc.get_executor(), std::make_shared<http::HttpClient>());
  if (!authenticator) return fail("auth", authenticator.error().message());
  server::addApiEndpoints(router, config, service, engine, *authenticator);
  server::addGraphqlEndpoint(router, config, engine, *authenticator);
  auto cors = server::CorsPolicy::parse(
      [&] {
        std::string joined;
        for (const auto& d : config.cors_domains) joined += (joined.empty() ? "" : ",") + d;
        return joined;
      }(),
      config.disable_cors);
  if (!cors) return fail("cors", cors.error().message());

  server::HttpServerOptions http_options;
  http_options.host = config.server_host;
  http_options.port = config.server_port;
  http_options.max_body_bytes = config.max_body_bytes;
  server::HttpServer http(ioc, http_options, router, *cors);

  std::vector<std::thread> threads;
  auto joinAll = [&] {
    for (auto& t : threads) t.join();
  };
  // The work guard keeps the threads alive while the start-up check runs.
  auto guard = asio::make_work_guard(ioc);
  for (unsigned i = 0; i < config.threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });

  // Start-up failed after the threads started: stop everything, then report.
  auto abort = [&](const std::string& kind, const std::string& message) {
    closeAll(pools);
    closeAll(service->sourcePools());
    guard.reset();
    ioc.stop();
    joinAll();
    return fail(kind, message);
  };

  auto checked =
      asio::co_spawn(asio::make_strand(ioc), startMetadata(service), asio::use_future).get();
  if (!checked) {
    return abort("database",
                 "cannot connect to the metadata database: " + describe(checked.error()));
  }

  if (config.demo) {
    if (!default_source) {
      return abort("demo",
                   "--demo needs a default database: HASURA_GRAPHQL_DATABASE_URL, or neither "
                   "database URL for the managed one");
    }
    auto loaded =
        asio::co_spawn(asio::make_strand(ioc), demo::load(service), asio::use_future).get();
    if (!loaded) return abort("demo", describe(loaded.error()));
    logDemo(*loaded);
  }

  (*authenticator)->start();
  engine->warmAfterChanges();

  // Other instances sharing the metadata database: follow their changes as they announce them.
  if (config.schema_sync_poll_interval.count() > 0) {
    service->watch(asio::make_strand(ioc), config.schema_sync_poll_interval);
  }

  auto port = http.listen();
  if (!port) return abort("server", port.error().message());
  http.start();

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  auto grace =
      std::chrono::duration_cast<std::chrono::milliseconds>(config.graceful_shutdown_timeout);
  signals.async_wait([&](const boost::system::error_code& ec, int) {
    // The pools of sources added through the metadata close with the others.
    Pools all = pools;
    for (auto& pool : service->sourcePools()) all.push_back(pool);
    if (!ec) startShutdown(ioc, http, std::move(all), grace);
  });

  boost::json::object detail;
  detail["kind"] = "server";
  boost::json::object info;
  info["port"] = *port;
  info["host"] = config.server_host;
  info["message"] = "starting API server";
  detail["info"] = std::move(info);
  // Before the `server` line, which is what tells tools (and the tests) that Graft is ready.
  if (config.demo) printDemoBanner(config, *port);
  log::write(log::Level::kInfo, "startup", detail);

  guard.reset();
  joinAll();
  if (managed) (void)managed->stop();
  log::info("startup", "shutdown", "graft stopped");
  return 0;
}

}  // namespace graft
