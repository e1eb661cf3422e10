// ServerConfig: everything `graft serve` is configured with, from flags and Hasura's
// HASURA_GRAPHQL_* environment variables (flags win). Filled and validated once by the CLI,
// then read-only for the life of the process.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/log.h"

namespace graft {

struct ServerConfig {
  // Databases. With neither URL set, Graft runs its own PostgreSQL (data_dir).
  std::optional<std::string> database_url;           // HASURA_GRAPHQL_DATABASE_URL
  std::optional<std::string> metadata_database_url;  // HASURA_GRAPHQL_METADATA_DATABASE_URL
  std::filesystem::path data_dir = "graft-data/pg";  // --data-dir (Graft only)

  // HTTP.
  std::string server_host = "*";                       // HASURA_GRAPHQL_SERVER_HOST
  uint16_t server_port = 8080;                         // HASURA_GRAPHQL_SERVER_PORT
  std::vector<std::string> cors_domains = {"*"};       // HASURA_GRAPHQL_CORS_DOMAIN
  bool disable_cors = false;                           // HASURA_GRAPHQL_DISABLE_CORS
  size_t max_body_bytes = 100 * 1024 * 1024;           // GRAFT_MAX_BODY_SIZE (Graft only)
  std::chrono::seconds graceful_shutdown_timeout{60};  // HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT
  unsigned threads = 0;          // GRAFT_THREADS (Graft only); 0 = hardware threads
  size_t plan_cache_size = 256;  // GRAFT_PLAN_CACHE_SIZE (Graft only); 0 = no plan cache

  // Auth (used by the auth module).
  std::optional<std::string> admin_secret;       // HASURA_GRAPHQL_ADMIN_SECRET
  std::optional<std::string> jwt_secret;         // HASURA_GRAPHQL_JWT_SECRET (a JSON object)
  std::optional<std::string> jwt_secrets;        // HASURA_GRAPHQL_JWT_SECRETS (a JSON array)
  std::optional<std::string> unauthorized_role;  // HASURA_GRAPHQL_UNAUTHORIZED_ROLE
  std::optional<std::string> auth_hook;          // HASURA_GRAPHQL_AUTH_HOOK
  bool auth_hook_post = false;                   // HASURA_GRAPHQL_AUTH_HOOK_MODE (GET | POST)

  // Postgres pool.
  int pg_connections = 50;                     // HASURA_GRAPHQL_PG_CONNECTIONS
  std::chrono::seconds pg_timeout{180};        // HASURA_GRAPHQL_PG_TIMEOUT (idle time)
  std::chrono::seconds pg_conn_lifetime{600};  // HASURA_GRAPHQL_PG_CONN_LIFETIME (0 = none)
  std::optional<std::chrono::seconds> pg_pool_timeout;  // HASURA_GRAPHQL_PG_POOL_TIMEOUT
  bool use_prepared_statements = true;                  // HASURA_GRAPHQL_USE_PREPARED_STATEMENTS

  // APIs and behaviour.
  bool enable_console = false;  // HASURA_GRAPHQL_ENABLE_CONSOLE
  std::vector<std::string> enabled_apis = {"metadata", "graphql", "pgdump", "config"};
  bool dev_mode = false;                          // HASURA_GRAPHQL_DEV_MODE
  bool stringify_numeric_types = false;           // HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES
  bool enable_remote_schema_permissions = false;  // HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS
  // HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL: how often the stored metadata's resource_version
  // is checked for other instances' changes (they are also announced by NOTIFY); 0 = never.
  std::chrono::milliseconds schema_sync_poll_interval{1000};
  // GRAFT_DEMO (Graft only): load the demo data set and its metadata into an empty default
  // database on start (src/demo).
  bool demo = false;

  // Logging.
  log::Settings log;  // HASURA_GRAPHQL_LOG_LEVEL, HASURA_GRAPHQL_ENABLED_LOG_TYPES

  bool apiEnabled(std::string_view api) const;
  bool managedDatabase() const { return !database_url && !metadata_database_url; }
};

}  // namespace graft
