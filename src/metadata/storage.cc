#include "metadata/storage.h"

#include <algorithm>
#include <charconv>

#include "pg/connection.h"
#include "pg/pool.h"

namespace graft::metadata {

namespace {

// One statement per line keeps it readable; run with the simple protocol as one implicit
// transaction, so the advisory lock is held until every object exists.
constexpr const char* kInitializeSql = R"sql(
SELECT pg_advisory_xact_lock(4774526172018);
CREATE SCHEMA IF NOT EXISTS hdb_catalog;
CREATE TABLE IF NOT EXISTS hdb_catalog.hdb_version (
  hasura_uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version text NOT NULL,
  upgraded_on timestamptz NOT NULL,
  cli_state jsonb NOT NULL DEFAULT '{}'::jsonb,
  console_state jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE UNIQUE INDEX IF NOT EXISTS hdb_version_one_row
  ON hdb_catalog.hdb_version ((version IS NOT NULL));
INSERT INTO hdb_catalog.hdb_version (version, upgraded_on)
  SELECT '48', now() WHERE NOT EXISTS (SELECT 1 FROM hdb_catalog.hdb_version);
CREATE TABLE IF NOT EXISTS hdb_catalog.hdb_metadata (
  id integer PRIMARY KEY,
  metadata json NOT NULL,
  resource_version integer NOT NULL DEFAULT 1 UNIQUE
);
)sql";

long parseLong(std::string_view text) {
  long v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

}  // namespace

Error resourceVersionConflict(long given, long current) {
  return Error("conflict",
               "metadata resource version referenced (" + std::to_string(given) +
                   ") did not match current version (" + std::to_string(current) + ")",
               409);
}

MetadataStorage::MetadataStorage(std::shared_ptr<pg::Pool> pool) : pool_(std::move(pool)) {}

boost::asio::awaitable<Status> MetadataStorage::initialize() {
  auto result = co_await pool_->executeSimple(kInitializeSql);
  if (!result) co_return std::unexpected(result.error());
  co_return ok();
}

namespace {

StoredMetadata storedOf(const pg::QueryResult& result) {
  StoredMetadata stored;
  if (result.rows() == 1) {
    if (!result.isNull(0, 0)) stored.metadata = std::string(result.value(0, 0));
    stored.resource_version = parseLong(result.value(0, 1));
  }
  return stored;
}

}  // namespace

boost::asio::awaitable<Result<StoredMetadata>> MetadataStorage::load() {
  pg::Statement select(
      "SELECT metadata::text, resource_version FROM hdb_catalog.hdb_metadata "
      "WHERE id = 1");
  auto result = co_await pool_->execute(std::move(select));
  if (!result) co_return std::unexpected(result.error());
  co_return storedOf(*result);
}

boost::asio::awaitable<Result<StoredMetadata>> MetadataStorage::loadIfNewer(long known) {
  pg::Statement select(
      "SELECT CASE WHEN resource_version > $1::bigint THEN metadata::text END, resource_version "
      "FROM hdb_catalog.hdb_metadata WHERE id = 1",
      {std::to_string(known)});
  auto result = co_await pool_->execute(std::move(select));
  if (!result) co_return std::unexpected(result.error());
  co_return storedOf(*result);
}

boost::asio::awaitable<Result<long>> MetadataStorage::store(std::string metadata,
                                                            long expected_version) {
  // An update guarded by the version, or the first insert; a lost race leaves no row.
  pg::Statement write(
      "WITH updated AS ("
      "  UPDATE hdb_catalog.hdb_metadata SET metadata = $1::json, "
      "         resource_version = resource_version + 1 "
      "   WHERE id = 1 AND resource_version = $2::integer RETURNING resource_version), "
      "inserted AS ("
      "  INSERT INTO hdb_catalog.hdb_metadata (id, metadata, resource_version) "
      "  SELECT 1, $1::json, 1 WHERE $2::integer = 0 "
      "  ON CONFLICT (id) DO NOTHING RETURNING resource_version) "
      "SELECT version, pg_notify($3, version::text) "
      "  FROM (SELECT resource_version FROM updated "
      "        UNION ALL SELECT resource_version FROM inserted) AS written (version)",
      {std::move(metadata), std::to_string(expected_version), kMetadataChannel});
  auto result = co_await pool_->execute(std::move(write));
  if (!result) co_return std::unexpected(result.error());
  if (result->rows() == 1) co_return parseLong(result->value(0, 0));
  auto current = co_await load();
  if (!current) co_return std::unexpected(current.error());
  co_return std::unexpected(resourceVersionConflict(expected_version, current->resource_version));
}

MetadataListener::MetadataListener(std::unique_ptr<pg::Connection> connection)
    : connection_(std::move(connection)) {}

MetadataListener::~MetadataListener() = default;

boost::asio::awaitable<Result<std::unique_ptr<MetadataListener>>> MetadataListener::open(
    boost::asio::any_io_executor executor, const pg::Pool& pool) {
  pg::ConnectOptions options;
  options.conninfo = pool.settings().conninfo;
  options.connect_timeout = pool.settings().connect_timeout;
  auto connection = co_await pg::Connection::connect(std::move(executor), std::move(options));
  if (!connection) co_return std::unexpected(connection.error());
  auto listening = co_await (*connection)->executeSimple(std::string("LISTEN ") + kMetadataChannel);
  if (!listening) co_return std::unexpected(listening.error());
  co_return std::unique_ptr<MetadataListener>(new MetadataListener(std::move(*connection)));
}

boost::asio::awaitable<Result<long>> MetadataListener::next(std::chrono::milliseconds within) {
  auto arrived = co_await connection_->waitForNotifications(within);
  if (!arrived) co_return std::unexpected(arrived.error());
  long newest = 0;
  for (const pg::Notification& notification : *arrived) {
    if (notification.channel == kMetadataChannel) {
      newest = std::max(newest, parseLong(notification.payload));
    }
  }
  co_return newest;
}

}  // namespace graft::metadata
