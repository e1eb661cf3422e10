// MetadataStorage: Hasura's metadata tables in the metadata database —
// hdb_catalog.hdb_metadata (id, metadata json, resource_version) and hdb_catalog.hdb_version —
// created on first start, read, and written with an optimistic resource_version check.
// Stateless apart from the pool; every member may be called from any coroutine.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "common/result.h"

namespace graft::pg {
class Connection;
class Pool;
}  // namespace graft::pg

namespace graft::metadata {

// The channel on which every metadata write NOTIFYs its new resource_version, so that other
// instances sharing the metadata database reload at once rather than at their next poll.
inline constexpr const char* kMetadataChannel = "graft_metadata";

// The catalog version Graft's hdb_catalog layout corresponds to (Hasura v2.48's).
inline constexpr const char* kCatalogVersion = "48";

struct StoredMetadata {
  std::string metadata;  // JSON text; empty when nothing was ever stored
  long resource_version = 0;
};

class MetadataStorage {
 public:
  explicit MetadataStorage(std::shared_ptr<pg::Pool> pool);

  // Creates hdb_catalog and its tables when missing. Several Graft instances may start at
  // once: a transaction-scoped advisory lock serialises them.
  boost::asio::awaitable<Status> initialize();

  boost::asio::awaitable<Result<StoredMetadata>> load();
  // The stored resource_version, with the metadata only when that version is newer than
  // `known` (what polling for other instances' changes needs, without moving megabytes).
  boost::asio::awaitable<Result<StoredMetadata>> loadIfNewer(long known);

  // Stores `metadata` if the stored resource_version still equals `expected_version` (0: none
  // stored yet) and returns the new version, notifying kMetadataChannel when the write commits;
  // otherwise fails with Hasura's conflict error.
  boost::asio::awaitable<Result<long>> store(std::string metadata, long expected_version);

  const std::shared_ptr<pg::Pool>& pool() const { return pool_; }

 private:
  std::shared_ptr<pg::Pool> pool_;
};

// A connection of its own to the metadata database that LISTENs on kMetadataChannel.
class MetadataListener {
 public:
  // Connects (with the pool's connection settings) and LISTENs; its socket waits run on
  // `executor`.
  static boost::asio::awaitable<Result<std::unique_ptr<MetadataListener>>> open(
      boost::asio::any_io_executor executor, const pg::Pool& pool);
  ~MetadataListener();

  // Waits up to `within` for writes to be announced: the highest resource_version announced,
  // or 0 when none came in time. Fails when the connection is lost (open a new listener).
  boost::asio::awaitable<Result<long>> next(std::chrono::milliseconds within);

 private:
  explicit MetadataListener(std::unique_ptr<pg::Connection> connection);
  std::unique_ptr<pg::Connection> connection_;
};

// Hasura's error for a stale resource_version.
Error resourceVersionConflict(long given, long current);

}  // namespace graft::metadata
