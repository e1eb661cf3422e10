// MetadataService: the metadata and query APIs (/v1/metadata, /v1/query, /v2/query) over the
// stored metadata and the sources' pools. Holds the current metadata document and its
// resource_version behind a mutex (never held across a suspension); handle() may run from any
// number of coroutines at once. Writes are optimistic: a concurrent writer that loses the
// resource_version race gets Hasura's conflict error and nothing changes.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/result.h"
#include "metadata/replace_metadata.h"
#include "metadata/resolved.h"
#include "metadata/storage.h"
#include "pg/catalog.h"

namespace graft::pg {
class Pool;
class PooledConnection;
}  // namespace graft::pg

namespace graft::metadata {

enum class Api { kMetadata, kQueryV1, kQueryV2 };

struct Source {
  std::string name;
  std::shared_ptr<pg::Pool> pool;
};

// Makes the pool of a source that the metadata adds (pg_add_source, replace_metadata) from its
// `configuration` ({connection_info: {database_url, pool_settings, ...}}).
using SourceConnector =
    std::function<Result<std::shared_ptr<pg::Pool>>(const boost::json::value& configuration)>;

class MetadataService : public std::enable_shared_from_this<MetadataService> {
 public:
  // `default_source`, when set, is the source configured by HASURA_GRAPHQL_DATABASE_URL (or
  // the managed database); it is put into empty metadata and kept by clear_metadata, as
  // Hasura does.
  // Without a connector, sources other than the default one are reported inconsistent.
  MetadataService(std::shared_ptr<pg::Pool> metadata_pool, std::optional<Source> default_source,
                  SourceConnector connector = {});

  // Creates the catalog tables when missing and loads the stored metadata (storing the
  // initial document on first start).
  boost::asio::awaitable<Status> start();

  // One request body of `api`: {"type", "args", "version"?, "resource_version"?}.
  boost::asio::awaitable<Result<boost::json::value>> handle(Api api, boost::json::value body);

  long resourceVersion() const;

  // Follows changes other Graft instances make to the shared metadata database: LISTENs on
  // kMetadataChannel and reloads when a newer resource_version is announced, and checks the
  // stored resource_version every `period` as well (writers that do not notify, a listener
  // that is down). Runs until the io_context stops; call once, after start().
  void watch(boost::asio::any_io_executor executor, std::chrono::milliseconds period);
  bool isConsistent() const;
  // The consistent part of the current metadata, resolved against the sources' catalogs; null
  // until start() has read it. Cheap: a copy of a shared_ptr.
  std::shared_ptr<const Resolved> resolved() const;
  // Called (on the thread that made it, outside any lock) each time resolved() changes; one
  // callback, set before the service is shared. It must return quickly.
  void onResolved(std::function<void()> callback);
  // HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS; set before the service is shared.
  void enableRemoteSchemaPermissions(bool enabled) { remote_schema_permissions_ = enabled; }
  // The pools of the sources added through the metadata, for shutdown.
  std::vector<std::shared_ptr<pg::Pool>> sourcePools() const;

 private:
  struct Batch;
  struct CommandLock;
  class CommandTurn;

  // One request body, once it is this command's turn; `wrote_data` tells whether it ran SQL
  // or inserted rows (committed before the metadata is stored).
  boost::asio::awaitable<Result<boost::json::value>> runBatch(Api api,
                                                              const boost::json::value& body,
                                                              bool& wrote_data);

  boost::asio::awaitable<Result<boost::json::value>> runCommand(Api api,
                                                                const boost::json::value& command,
                                                                Batch& batch);
  boost::asio::awaitable<Result<boost::json::value>> permissionCommand(
      const struct PermissionCommand& command, const boost::json::value& args, Batch& batch);
  boost::asio::awaitable<Result<boost::json::value>> insertCommand(const boost::json::value& args,
                                                                   Batch& batch);
  // The tracked objects of `source` that no longer resolve in the batch's catalog (after SQL).
  boost::asio::awaitable<Result<std::vector<Inconsistency>>> danglingAfterSql(const Source& source,
                                                                              Batch& batch);
  boost::asio::awaitable<Result<boost::json::value>> runSqlCommand(const boost::json::value& args,
                                                                   Batch& batch);
  boost::asio::awaitable<Result<boost::json::value>> bulk(Api api, const boost::json::value& args,
                                                          Batch& batch);
  boost::asio::awaitable<Result<boost::json::value>> trackCommand(const boost::json::value& args,
                                                                  bool legacy, Batch& batch);
  // pg_track_tables / pg_untrack_tables {tables: [...], allow_warnings}: with warnings allowed
  // (the default), a table that fails is skipped and reported instead of failing the rest.
  boost::asio::awaitable<Result<boost::json::value>> manyTablesCommand(
      bool track, const boost::json::value& args, Batch& batch);
  boost::asio::awaitable<Result<boost::json::value>> untrackCommand(const boost::json::value& args,
                                                                    Batch& batch);
  // The table and relationship settings commands; nullopt when `type` is none of them.
  boost::asio::awaitable<std::optional<Result<boost::json::value>>> settingsCommand(
      const std::string& type, const boost::json::value& args, bool legacy, Batch& batch);
  boost::asio::awaitable<Result<boost::json::value>> replaceCommand(
      const boost::json::value& command, Batch& batch);
  boost::asio::awaitable<Result<boost::json::value>> relationshipCommand(
      const std::string& type, const boost::json::value& args, Batch& batch);
  // The source's catalog as this batch's transaction sees it (read once per batch, again
  // after run_sql on that source).
  boost::asio::awaitable<Result<const pg::Catalog*>> batchCatalog(const Source& source,
                                                                  Batch& batch);
  // A catalog of the source in which `tables` are as this batch's transaction sees them and
  // the others as the last whole read saw them: what a command about those tables checks
  // against, without reading thousands of others (Hasura's advice stands: reload_metadata
  // after changing other tables outside Graft).
  boost::asio::awaitable<Result<const pg::Catalog*>> batchCatalog(
      const Source& source, Batch& batch, const std::vector<pg::QualifiedName>& tables);
  // The source's connection of this batch, inside its transaction (opened on first use).
  boost::asio::awaitable<Result<pg::PooledConnection*>> batchConnection(const Source& source,
                                                                        Batch& batch);
  // The working copy of the metadata that commands of this batch edit.
  boost::json::object& working(Batch& batch);
  boost::json::object initialMetadata() const;
  // A metadata document and the resource_version it was stored under.
  struct Document {
    std::shared_ptr<const boost::json::object> metadata;
    long resource_version = 0;
  };
  // Recomputes the inconsistent objects of the current metadata and what is served. Each
  // source's catalog is the one in `known` (current already), else, unless `reread`, the one
  // the last refresh used, else a fresh read. With `incoming` (another instance's write), that
  // document is resolved instead and becomes current together with what is served, so that
  // no request sees the new document while the old one is still served.
  using Catalogs = std::map<std::string, std::shared_ptr<const pg::Catalog>>;
  boost::asio::awaitable<Status> refreshConsistency(Catalogs known = {}, bool reread = true,
                                                    std::optional<Document> incoming = {});
  // Loads the stored metadata if its resource_version is newer than ours.
  boost::asio::awaitable<Status> reloadIfChanged();
  static boost::asio::awaitable<void> watchLoop(std::shared_ptr<MetadataService> self,
                                                std::chrono::milliseconds period);
  std::optional<Source> findSource(const std::string& name) const;
  // The source, or Hasura's not-exists error for it.
  Result<Source> requireSource(const std::string& name) const;
  // Makes pools for the sources of `metadata` that have none (or whose configuration changed)
  // and forgets those of sources it no longer has. Failures are logged; such a source then has
  // no catalog and is reported inconsistent.
  void syncSources(const boost::json::object& metadata);
  // The commands whose objects are stored for later issues to serve: remote schemas, remote
  // relationships, actions and custom types, event triggers; nullopt when `type` is none.
  boost::asio::awaitable<std::optional<Result<boost::json::value>>> storedCommand(
      const std::string& type, const boost::json::value& args, bool legacy, Batch& batch);
  // pg_add_source, pg_drop_source, pg_update_source.
  boost::asio::awaitable<Result<boost::json::value>> sourceCommand(const std::string& type,
                                                                   const boost::json::value& args,
                                                                   Batch& batch);
  // batchCatalog() of the named source (whole, or fresh for `tables`).
  boost::asio::awaitable<Result<const pg::Catalog*>> sourceCatalog(const std::string& name,
                                                                   Batch& batch);
  boost::asio::awaitable<Result<const pg::Catalog*>> sourceCatalog(
      const std::string& name, Batch& batch, const std::vector<pg::QualifiedName>& tables);

  MetadataStorage storage_;
  std::optional<Source> default_source_;
  SourceConnector connector_;
  struct AddedSource {
    Source source;
    std::string configuration;  // serialised, to notice a change
  };
  std::map<std::string, AddedSource> added_;  // guarded by mutex_

  mutable std::mutex mutex_;
  // Replaced whole on every change, never edited: readers share it without copying.
  std::shared_ptr<const boost::json::object> metadata_ = std::make_shared<boost::json::object>();
  long resource_version_ = 0;
  std::vector<Inconsistency> inconsistent_;
  std::shared_ptr<const Resolved> resolved_;
  std::function<void()> on_resolved_;
  std::shared_ptr<CommandLock> command_lock_;  // set by start()
  bool remote_schema_permissions_ = false;
  Catalogs catalogs_;  // what resolved_ was resolved against
};

}  // namespace graft::metadata
