#include "metadata/service.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <random>

#include "common/json.h"
#include "common/log.h"
#include "metadata/data_insert.h"
#include "metadata/function_commands.h"
#include "metadata/permission_commands.h"
#include "metadata/relationship_commands.h"
#include "metadata/replace_metadata.h"
#include "metadata/run_sql.h"
#include "metadata/service_internal.h"
#include "metadata/suggest_relationships.h"
#include "metadata/table_commands.h"
#include "metadata/table_settings.h"
#include "pg/catalog.h"
#include "pg/pool.h"

namespace graft::metadata {

namespace bj = boost::json;
namespace asio = boost::asio;

namespace {

// How many times a command is applied again after another instance's write got in first,
// after a pause that grows with each attempt (and varies, so that instances retrying at once
// drift apart).
constexpr int kConflictRetries = 10;
std::chrono::milliseconds retryPause(int attempt) {
  static thread_local std::minstd_rand random(std::random_device{}());
  return std::chrono::milliseconds(std::uniform_int_distribution<int>(1, 10)(random) * attempt);
}

// How long the watch waits before trying again to LISTEN after failing to.
constexpr std::chrono::seconds kListenRetry{5};

// Aeson's names, which Hasura's parse errors use.
std::string jsonTypeName(const bj::value& v) {
  if (v.is_array()) return "Array";
  if (v.is_string()) return "String";
  if (v.is_bool()) return "Boolean";
  if (v.is_null()) return "Null";
  if (v.is_object()) return "Object";
  return "Number";
}

Result<std::string> commandType(const bj::value& command) {
  if (!command.is_object()) {
    return std::unexpected(
        Error::parseFailed("expected Object, but encountered " + jsonTypeName(command)));
  }
  auto it = command.as_object().find("type");
  if (it == command.as_object().end() || !it->value().is_string()) {
    return std::unexpected(Error::parseFailed("key \"type\" not found or not a string"));
  }
  return std::string(it->value().as_string());
}

const bj::value& argsOf(const bj::value& command) {
  static const bj::value kEmpty = bj::object();
  const auto& obj = command.as_object();
  auto it = obj.find("args");
  return it == obj.end() ? kEmpty : it->value();
}

bool isRunSql(std::string_view type) { return type == "run_sql" || type == "pg_run_sql"; }

}  // namespace

MetadataService::MetadataService(std::shared_ptr<pg::Pool> metadata_pool,
                                 std::optional<Source> default_source, SourceConnector connector)
    : storage_(std::move(metadata_pool)),
      default_source_(std::move(default_source)),
      connector_(std::move(connector)) {}

bj::object MetadataService::initialMetadata() const {
  bj::object metadata;
  metadata["version"] = 3;
  bj::array sources;
  if (default_source_) {
    // The shape Hasura writes for the source it adds from HASURA_GRAPHQL_DATABASE_URL.
    bj::object pool_settings;
    pool_settings["connection_lifetime"] = 600;
    pool_settings["idle_timeout"] = 180;
    pool_settings["max_connections"] = 50;
    pool_settings["retries"] = 1;
    bj::object database_url;
    database_url["from_env"] = "HASURA_GRAPHQL_DATABASE_URL";
    bj::object connection_info;
    connection_info["database_url"] = std::move(database_url);
    connection_info["isolation_level"] = "read-committed";
    connection_info["pool_settings"] = std::move(pool_settings);
    connection_info["use_prepared_statements"] = true;
    bj::object configuration;
    configuration["connection_info"] = std::move(connection_info);
    bj::object source;
    source["name"] = default_source_->name;
    source["kind"] = "postgres";
    source["tables"] = bj::array();
    source["configuration"] = std::move(configuration);
    sources.push_back(std::move(source));
  }
  metadata["sources"] = std::move(sources);
  return metadata;
}

asio::awaitable<Status> MetadataService::start() {
  command_lock_ = std::make_shared<CommandLock>(co_await asio::this_coro::executor);
  auto initialized = co_await storage_.initialize();
  if (!initialized) co_return std::unexpected(initialized.error());
  auto stored = co_await storage_.load();
  if (!stored) co_return std::unexpected(stored.error());
  if (stored->metadata.empty()) {
    bj::object initial = initialMetadata();
    auto version = co_await storage_.store(bj::serialize(initial), 0);
    if (!version) {
      // Another instance stored it first: use theirs.
      stored = co_await storage_.load();
      if (!stored) co_return std::unexpected(stored.error());
    } else {
      {
        std::lock_guard lock(mutex_);
        metadata_ = std::make_shared<const bj::object>(std::move(initial));
        resource_version_ = *version;
      }
      co_return co_await refreshConsistency();
    }
  }
  auto parsed = json::parse(stored->metadata);
  if (!parsed || !parsed->is_object()) {
    co_return std::unexpected(
        Error::unexpected("the stored metadata in hdb_catalog.hdb_metadata is not a JSON object"));
  }
  {
    std::lock_guard lock(mutex_);
    metadata_ = std::make_shared<const bj::object>(std::move(parsed->as_object()));
    resource_version_ = stored->resource_version;
  }
  co_return co_await refreshConsistency();
}

asio::awaitable<Status> MetadataService::refreshConsistency(Catalogs known, bool reread,
                                                            std::optional<Document> incoming) {
  std::shared_ptr<const bj::object> stored;
  long version = 0;
  if (incoming) {
    stored = incoming->metadata;
    version = incoming->resource_version;
  } else {
    std::lock_guard lock(mutex_);
    stored = metadata_;
    version = resource_version_;
  }
  syncSources(*stored);
  // Every source's catalog; one that cannot be read leaves its source inconsistent.
  std::vector<Source> sources;
  Catalogs catalogs = std::move(known);
  {
    std::lock_guard lock(mutex_);
    if (default_source_) sources.push_back(*default_source_);
    for (const auto& [name, added] : added_) sources.push_back(added.source);
    for (const Source& source : sources) {
      auto last = catalogs_.find(source.name);
      if (!reread && last != catalogs_.end()) catalogs.try_emplace(source.name, last->second);
    }
  }
  for (const Source& source : sources) {
    if (catalogs.contains(source.name)) continue;
    auto catalog = co_await pg::introspect(*source.pool);
    if (!catalog) {
      // Without the default source's catalog nothing can be checked: the caller reports it.
      if (default_source_ && source.name == default_source_->name) {
        co_return std::unexpected(catalog.error());
      }
      log::warn("metadata", "source-catalog", source.name + ": " + catalog.error().message());
      continue;
    }
    catalogs[source.name] = std::make_shared<const pg::Catalog>(std::move(*catalog));
  }
  auto lookup = [&](const std::string& name) -> const pg::Catalog* {
    auto found = catalogs.find(name);
    return found == catalogs.end() ? nullptr : found->second.get();
  };
  auto found = checkMetadata(*stored, lookup);
  if (!found) co_return std::unexpected(found.error());

  // What is served: the metadata without its inconsistent objects (a copy only when there
  // are some).
  std::optional<bj::object> consistent;
  if (!found->empty()) {
    consistent = *stored;
    dropInconsistent(*consistent, *found);
  }
  const bj::object& current = consistent ? *consistent : *stored;
  auto resolved = std::make_shared<Resolved>();
  resolved->resource_version = version;
  if (auto sources = current.find("sources");
      sources != current.end() && sources->value().is_array()) {
    for (const bj::value& source : sources->value().as_array()) {
      if (!source.is_object() || !source.as_object().at("name").is_string()) continue;
      std::string name(source.as_object().at("name").as_string());
      auto catalog = catalogs.find(name);
      auto registered = findSource(name);
      if (catalog == catalogs.end() || !registered) continue;
      resolved->sources.push_back(
          resolveSource(source.as_object(), name, registered->pool, catalog->second));
    }
  }
  resolveInheritedRoles(current, *resolved);
  // Enum tables give their rows as the values of a GraphQL enum.
  for (ResolvedSource& source : resolved->sources) {
    for (ResolvedTable& table : source.tables) {
      if (!table.is_enum || table.table->columns.empty()) continue;
      auto rows = co_await source.pool->execute(pg::Statement(enumValuesQuery(table)));
      if (!rows) {
        log::warn("metadata", "enum-values", rows.error().message());
        continue;
      }
      for (int row = 0; row < rows->rows(); ++row) {
        EnumTableValue value{std::string(rows->value(row, 0)), std::nullopt};
        if (!rows->isNull(row, 1)) value.description = std::string(rows->value(row, 1));
        table.enum_values.push_back(std::move(value));
      }
    }
  }
  std::function<void()> changed;
  {
    std::lock_guard lock(mutex_);
    // Another refresh may have started from a newer document meanwhile (a command's own, while
    // this one followed another instance's write, or the reverse): that one's result stands.
    if (incoming) {
      if (version <= resource_version_) co_return ok();
      metadata_ = stored;
      resource_version_ = version;
    } else if (metadata_ != stored) {
      co_return ok();
    }
    inconsistent_ = std::move(*found);
    resolved_ = std::move(resolved);
    catalogs_ = std::move(catalogs);
    changed = on_resolved_;
  }
  if (changed) changed();
  co_return ok();
}

asio::awaitable<Status> MetadataService::reloadIfChanged() {
  long known = resourceVersion();
  auto stored = co_await storage_.loadIfNewer(known);
  if (!stored) co_return std::unexpected(stored.error());
  {
    std::lock_guard lock(mutex_);
    if (stored->resource_version <= resource_version_ || stored->metadata.empty()) co_return ok();
  }
  auto parsed = json::parse(stored->metadata);
  if (!parsed || !parsed->is_object()) {
    co_return std::unexpected(
        Error::unexpected("the stored metadata in hdb_catalog.hdb_metadata is not a JSON object"));
  }
  // Resolved before it becomes current: an export never shows a document whose schema is not
  // served yet. Until then commands still apply to the previous document (and conflict).
  Document incoming{std::make_shared<const bj::object>(std::move(parsed->as_object())),
                    stored->resource_version};
  auto refreshed = co_await refreshConsistency({}, true, std::move(incoming));
  if (!refreshed) co_return refreshed;
  log::info("metadata", "reloaded",
            "metadata changed by another instance; now at resource_version " +
                std::to_string(stored->resource_version));
  co_return ok();
}

void MetadataService::watch(asio::any_io_executor executor, std::chrono::milliseconds period) {
  asio::co_spawn(executor, watchLoop(shared_from_this(), period), asio::detached);
}

asio::awaitable<void> MetadataService::watchLoop(std::shared_ptr<MetadataService> self,
                                                 std::chrono::milliseconds period) {
  auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor);
  std::unique_ptr<MetadataListener> listener;
  auto listen_again_at = std::chrono::steady_clock::now();
  bool listening_failed = false;
  for (;;) {
    if (!listener && std::chrono::steady_clock::now() >= listen_again_at) {
      auto opened = co_await MetadataListener::open(executor, *self->storage_.pool());
      if (opened) {
        listener = std::move(*opened);
        if (listening_failed) log::info("metadata", "listening", "listening for changes again");
        listening_failed = false;
      } else {
        // Polling carries on meanwhile; a listener is tried again now and then.
        if (!listening_failed) log::warn("metadata", "listen-failed", opened.error().message());
        listening_failed = true;
        listen_again_at = std::chrono::steady_clock::now() + kListenRetry;
      }
    }
    if (listener) {
      // Woken by another instance's write, or after `period` to check anyway: writers that
      // do not notify (Hasura itself) and writes made while the listener was down.
      auto announced = co_await listener->next(period);
      if (!announced) {
        log::warn("metadata", "listen-failed", announced.error().message());
        listener.reset();
      } else if (*announced != 0 && *announced <= self->resourceVersion()) {
        continue;  // our own write, or one already loaded
      }
    } else {
      timer.expires_after(period);
      auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;
    }
    auto reloaded = co_await self->reloadIfChanged();
    // The database may be away for a while; the next round tries again.
    if (!reloaded) log::warn("metadata", "reload-failed", reloaded.error().message());
  }
}

std::shared_ptr<const Resolved> MetadataService::resolved() const {
  std::lock_guard lock(mutex_);
  return resolved_;
}

void MetadataService::onResolved(std::function<void()> callback) {
  std::lock_guard lock(mutex_);
  on_resolved_ = std::move(callback);
}

bool MetadataService::isConsistent() const {
  std::lock_guard lock(mutex_);
  return inconsistent_.empty();
}

long MetadataService::resourceVersion() const {
  std::lock_guard lock(mutex_);
  return resource_version_;
}

asio::awaitable<Result<const pg::Catalog*>> MetadataService::sourceCatalog(const std::string& name,
                                                                           Batch& batch) {
  auto source = requireSource(name);
  if (!source) co_return std::unexpected(source.error());
  co_return co_await batchCatalog(*source, batch);
}

asio::awaitable<Result<const pg::Catalog*>> MetadataService::sourceCatalog(
    const std::string& name, Batch& batch, const std::vector<pg::QualifiedName>& tables) {
  auto source = requireSource(name);
  if (!source) co_return std::unexpected(source.error());
  co_return co_await batchCatalog(*source, batch, tables);
}

// The lock that lets one command of this instance run at a time: a channel with room for one
// message, which a command sends to enter (waiting while another is inside) and takes back
// to leave.
struct MetadataService::CommandLock {
  explicit CommandLock(const asio::any_io_executor& executor) : channel(executor, 1) {}
  asio::experimental::concurrent_channel<void(boost::system::error_code)> channel;
};

class MetadataService::CommandTurn {
 public:
  static asio::awaitable<CommandTurn> wait(std::shared_ptr<CommandLock> lock) {
    co_await lock->channel.async_send(boost::system::error_code(), asio::use_awaitable);
    co_return CommandTurn(std::move(lock));
  }
  CommandTurn(CommandTurn&& other) noexcept : lock_(std::move(other.lock_)) {}
  CommandTurn& operator=(CommandTurn&&) = delete;
  ~CommandTurn() {
    if (lock_) lock_->channel.try_receive([](boost::system::error_code) {});
  }

 private:
  explicit CommandTurn(std::shared_ptr<CommandLock> lock) : lock_(std::move(lock)) {}
  std::shared_ptr<CommandLock> lock_;
};

asio::awaitable<Result<bj::value>> MetadataService::handle(Api api, bj::value body) {
  // bulk_keep_going: each command on its own, as if sent alone; failures are reported in place.
  if (body.is_object() && body.as_object().contains("type") &&
      body.as_object().at("type") == "bulk_keep_going" && api == Api::kMetadata) {
    auto args = body.as_object().find("args");
    if (args == body.as_object().end() || !args->value().is_array()) {
      co_return std::unexpected(
          Error::parseFailed("expected Array for bulk arguments").withPath("$.args"));
    }
    bj::array results;
    for (const bj::value& command : args->value().as_array()) {
      if (command.is_object() && command.as_object().contains("type") &&
          command.as_object().at("type") == "bulk_keep_going") {
        results.push_back(json::queryApiError(Error::badRequest("bulk_keep_going cannot nest")));
        continue;
      }
      auto result = co_await handle(api, command);
      results.push_back(result ? std::move(*result)
                               : bj::value(json::queryApiError(result.error())));
    }
    co_return bj::value(std::move(results));
  }
  // One command (or bulk) at a time: each starts from the metadata the previous one left,
  // as Hasura serialises them, rather than failing on a resource_version it did not ask for.
  std::optional<CommandTurn> turn;
  if (command_lock_) turn.emplace(co_await CommandTurn::wait(command_lock_));
  bool explicit_version = body.is_object() && body.as_object().contains("resource_version");
  for (int attempt = 0;; ++attempt) {
    bool wrote_data = false;
    auto result = co_await runBatch(api, body, wrote_data);
    // Another instance wrote first: a command that named no version and wrote no data (SQL
    // or rows, committed already) is applied again on top of that write.
    bool conflict = !result && result.error().code() == "conflict";
    if (!conflict || explicit_version || wrote_data || attempt == kConflictRetries) {
      co_return result;
    }
    asio::steady_timer pause(co_await asio::this_coro::executor, retryPause(attempt + 1));
    co_await pause.async_wait(asio::use_awaitable);
    auto reloaded = co_await reloadIfChanged();
    if (!reloaded) co_return result;
  }
}

asio::awaitable<Result<bj::value>> MetadataService::runBatch(Api api, const bj::value& body,
                                                             bool& wrote_data) {
  Batch batch;
  {
    std::lock_guard lock(mutex_);
    batch.base_version = resource_version_;
  }
  if (body.is_object()) {
    if (auto it = body.as_object().find("resource_version");
        it != body.as_object().end() && it->value().is_int64() &&
        it->value().as_int64() != batch.base_version) {
      co_return std::unexpected(
          resourceVersionConflict(it->value().as_int64(), batch.base_version));
    }
  }

  auto result = co_await runCommand(api, body, batch);
  wrote_data = batch.wrote_data;

  // Finish the SQL: commit everything or roll everything back.
  for (auto& [name, connection] : batch.connections) {
    auto end = co_await connection.executeSimple(result ? "COMMIT" : "ROLLBACK");
    if (result && !end) result = std::unexpected(end.error());
  }
  // Pools made for sources that a failed batch added or changed go with it.
  auto undo_sources = [&] {
    if (!batch.sources_changed) return;
    std::shared_ptr<const bj::object> current;
    {
      std::lock_guard lock(mutex_);
      current = metadata_;
    }
    syncSources(*current);
  };
  if (!result) {
    undo_sources();
    co_return result;
  }

  if (batch.metadata) {
    auto version = co_await storage_.store(bj::serialize(*batch.metadata), batch.base_version);
    if (!version) {
      undo_sources();
      co_return std::unexpected(version.error());
    }
    std::lock_guard lock(mutex_);
    metadata_ = std::make_shared<const bj::object>(std::move(*batch.metadata));
    resource_version_ = *version;
  }
  // New metadata, or SQL that may have changed what it refers to: re-check it. A failure
  // here (the database went away) leaves the old report; the command itself succeeded.
  if (batch.metadata || !batch.connections.empty() || batch.reload) {
    // A catalog the batch read after its last SQL is what was just committed: reuse it rather
    // than reading the catalog again (reload_metadata asks for a fresh read of every source).
    Catalogs known;
    if (!batch.reload) {
      for (auto& [name, read] : batch.catalogs) {
        known[name] = std::make_shared<const pg::Catalog>(std::move(read.catalog));
      }
      // SQL whose catalog the batch did not read again (check_metadata_consistency false)
      // may have changed anything: forget the last catalog of its source.
      std::lock_guard lock(mutex_);
      for (const std::string& name : batch.sql_ran) {
        if (!known.contains(name)) catalogs_.erase(name);
      }
    }
    auto refreshed = co_await refreshConsistency(std::move(known), batch.reload);
    if (!refreshed) {
      log::warn("metadata", "consistency-check-failed", refreshed.error().message());
    }
  }
  if (batch.report_consistency && result->is_object()) {
    std::lock_guard lock(mutex_);
    result->as_object()["is_consistent"] = inconsistent_.empty();
    if (batch.report_consistency == 2) {
      result->as_object()["inconsistent_objects"] = reportsOf(inconsistent_);
    }
  }
  co_return result;
}

asio::awaitable<Result<bj::value>> MetadataService::runCommand(Api api, const bj::value& command,
                                                               Batch& batch) {
  auto type = commandType(command);
  if (!type) co_return std::unexpected(type.error());
  const bj::value& args = argsOf(command);

  if (*type == "bulk") co_return co_await bulk(api, args, batch);
  if (isRunSql(*type) && api != Api::kMetadata) co_return co_await runSqlCommand(args, batch);

  if (*type == "export_metadata" && api != Api::kQueryV2) {
    bj::object current;
    long version;
    {
      std::lock_guard lock(mutex_);
      current = batch.metadata ? *batch.metadata : *metadata_;
      version = resource_version_;
    }
    auto v = command.as_object().find("version");
    if (v != command.as_object().end() && v->value().is_int64() && v->value().as_int64() == 2) {
      bj::object out;
      out["resource_version"] = version;
      out["metadata"] = std::move(current);
      co_return bj::value(std::move(out));
    }
    co_return bj::value(std::move(current));
  }
  bool legacy = api == Api::kQueryV1;
  if (*type == (legacy ? "track_table" : "pg_track_table") && api != Api::kQueryV2) {
    co_return co_await trackCommand(args, legacy, batch);
  }
  if ((*type == "pg_track_tables" || *type == "pg_untrack_tables") && api == Api::kMetadata) {
    co_return co_await manyTablesCommand(*type == "pg_track_tables", args, batch);
  }
  if (*type == (legacy ? "untrack_table" : "pg_untrack_table") && api != Api::kQueryV2) {
    co_return co_await untrackCommand(args, batch);
  }
  if (api != Api::kQueryV2) {
    std::string prefix = legacy ? "" : "pg_";
    for (const char* command :
         {"create_object_relationship", "create_array_relationship", "drop_relationship"}) {
      if (*type == prefix + command) co_return co_await relationshipCommand(*type, args, batch);
    }
  }
  if (*type == "pg_suggest_relationships" && api == Api::kMetadata) {
    auto parsed = parseSuggestRelationshipsArgs(args);
    if (!parsed) co_return std::unexpected(parsed.error());
    auto source = requireSource(parsed->source);
    if (!source) co_return std::unexpected(source.error());
    // The tables as served: the metadata's consistent tables in their last catalog.
    std::shared_ptr<const Resolved> snapshot = resolved();
    if (snapshot) {
      for (const ResolvedSource& served : snapshot->sources) {
        if (served.name == parsed->source) co_return suggestRelationships(served, *parsed);
      }
    }
    co_return std::unexpected(Error::unexpected("Couldn't find any schema source information"));
  }
  if (*type == "get_inconsistent_metadata" && api != Api::kQueryV2) {
    // Answered after the batch, from the freshest report.
    batch.report_consistency = 2;
    co_return bj::value(bj::object());
  }
  if (*type == "reload_metadata" && api != Api::kQueryV2) {
    batch.reload = true;
    batch.report_consistency = 1;
    co_return bj::value(success());
  }
  if (*type == "drop_inconsistent_metadata" && api != Api::kQueryV2) {
    std::vector<Inconsistency> found;
    {
      std::lock_guard lock(mutex_);
      found = inconsistent_;
    }
    dropInconsistent(working(batch), found);
    co_return bj::value(success());
  }
  if (*type == "replace_metadata" && api != Api::kQueryV2) {
    co_return co_await replaceCommand(command, batch);
  }
  if (api != Api::kQueryV2) {
    std::string name = legacy ? *type : (type->starts_with("pg_") ? type->substr(3) : "");
    if (auto permission = parsePermissionCommand(name)) {
      co_return co_await permissionCommand(*permission, args, batch);
    }
    if (isFunctionCommand(name)) {
      auto catalog = co_await sourceCatalog(functionCommandSource(args), batch);
      if (!catalog) co_return std::unexpected(catalog.error());
      Status done = runFunctionCommand(working(batch), **catalog, name, args, legacy);
      if (!done) co_return std::unexpected(done.error());
      co_return bj::value(success());
    }
  }
  if (api != Api::kQueryV2) {
    auto settings = co_await settingsCommand(*type, args, legacy, batch);
    if (settings) co_return std::move(*settings);
  }
  if (api == Api::kMetadata &&
      (*type == "pg_add_source" || *type == "pg_drop_source" || *type == "pg_update_source")) {
    co_return co_await sourceCommand(*type, args, batch);
  }
  if ((*type == "add_inherited_role" || *type == "drop_inherited_role") && api == Api::kMetadata) {
    Status done = *type == "add_inherited_role" ? addInheritedRole(working(batch), args)
                                                : dropInheritedRole(working(batch), args);
    if (!done) co_return std::unexpected(done.error());
    co_return bj::value(success());
  }
  if (api != Api::kQueryV2) {
    auto stored = co_await storedCommand(*type, args, legacy, batch);
    if (stored) co_return std::move(*stored);
  }
  if (*type == "insert" && api != Api::kMetadata) co_return co_await insertCommand(args, batch);
  if (*type == "clear_metadata" && api != Api::kQueryV2) {
    batch.metadata = initialMetadata();
    co_return bj::value(success());
  }
  co_return std::unexpected(
      Error::notSupported("the command \"" + *type + "\" is not supported by Graft yet")
          .withPath("$.type"));
}

asio::awaitable<Result<pg::PooledConnection*>> MetadataService::batchConnection(
    const Source& source, Batch& batch) {
  auto it = batch.connections.find(source.name);
  if (it == batch.connections.end()) {
    auto connection = co_await source.pool->acquire();
    if (!connection) co_return std::unexpected(connection.error());
    auto begin = co_await connection->executeSimple("BEGIN");
    if (!begin) co_return std::unexpected(begin.error());
    it = batch.connections.emplace(source.name, std::move(*connection)).first;
  }
  co_return &it->second;
}

asio::awaitable<Result<const pg::Catalog*>> MetadataService::batchCatalog(const Source& source,
                                                                          Batch& batch) {
  auto cached = batch.catalogs.find(source.name);
  if (cached == batch.catalogs.end() || !cached->second.whole) {
    // Read inside the batch's transaction: a table created earlier in the same bulk is seen.
    auto connection = co_await batchConnection(source, batch);
    if (!connection) co_return std::unexpected(connection.error());
    auto catalog = co_await pg::introspect(**connection);
    if (!catalog) co_return std::unexpected(catalog.error());
    cached = batch.catalogs
                 .insert_or_assign(source.name, Batch::SourceCatalog{std::move(*catalog), true, {}})
                 .first;
  }
  co_return &cached->second.catalog;
}

asio::awaitable<Result<const pg::Catalog*>> MetadataService::batchCatalog(
    const Source& source, Batch& batch, const std::vector<pg::QualifiedName>& tables) {
  auto cached = batch.catalogs.find(source.name);
  std::shared_ptr<const pg::Catalog> last;
  if (cached == batch.catalogs.end()) {
    std::lock_guard lock(mutex_);
    if (auto found = catalogs_.find(source.name); found != catalogs_.end()) last = found->second;
  }
  std::vector<pg::QualifiedName> missing;
  for (const pg::QualifiedName& table : tables) {
    if (cached != batch.catalogs.end() &&
        (cached->second.whole ||
         std::ranges::find(cached->second.fresh, table) != cached->second.fresh.end())) {
      continue;
    }
    missing.push_back(table);
  }
  if (missing.empty()) co_return &cached->second.catalog;
  // A whole read when there is nothing to start from, when SQL of this batch may have changed
  // any table, or when a bulk names so many tables that copying the catalog for each would
  // cost more than reading it once.
  constexpr size_t kMostTablesReadAgain = 32;
  size_t fresh = cached == batch.catalogs.end() ? 0 : cached->second.fresh.size();
  if ((cached == batch.catalogs.end() && !last) || batch.sql_ran.contains(source.name) ||
      fresh + missing.size() > kMostTablesReadAgain) {
    co_return co_await batchCatalog(source, batch);
  }
  auto connection = co_await batchConnection(source, batch);
  if (!connection) co_return std::unexpected(connection.error());
  auto read = co_await pg::introspectTables(**connection, missing);
  if (!read) co_return std::unexpected(read.error());
  if (cached == batch.catalogs.end()) {
    cached =
        batch.catalogs
            .emplace(source.name, Batch::SourceCatalog{last->withTables(*read, missing), false, {}})
            .first;
  } else {
    cached->second.catalog = cached->second.catalog.withTables(*read, missing);
  }
  cached->second.fresh.insert(cached->second.fresh.end(), missing.begin(), missing.end());
  co_return &cached->second.catalog;
}

asio::awaitable<Result<bj::value>> MetadataService::replaceCommand(const bj::value& command,
                                                                   Batch& batch) {
  const bj::value& args = argsOf(command);
  if (!args.is_object()) {
    co_return std::unexpected(Error::parseFailed("expected Object").withPath("$.args"));
  }
  // Two spellings: the metadata itself (v1), or {metadata, allow_inconsistent_metadata}.
  const bj::object* incoming = &args.as_object();
  bool allow_inconsistent = false;
  bool wrapped = false;
  if (auto m = incoming->find("metadata"); m != incoming->end() && m->value().is_object()) {
    if (auto a = incoming->find("allow_inconsistent_metadata");
        a != incoming->end() && a->value().is_bool()) {
      allow_inconsistent = a->value().as_bool();
    }
    incoming = &m->value().as_object();
    wrapped = true;
  }
  // The incoming document's sources get their pools first, so that their catalogs can be read.
  syncSources(*incoming);
  std::map<std::string, const pg::Catalog*> catalogs;
  if (auto sources = incoming->find("sources");
      sources != incoming->end() && sources->value().is_array()) {
    for (const bj::value& source : sources->value().as_array()) {
      if (!source.is_object() || !source.as_object().contains("name") ||
          !source.as_object().at("name").is_string()) {
        continue;
      }
      auto registered = findSource(std::string(source.as_object().at("name").as_string()));
      if (!registered) continue;
      auto catalog = co_await batchCatalog(*registered, batch);
      if (catalog) catalogs[registered->name] = *catalog;
    }
  }
  auto lookup = [&](const std::string& name) -> const pg::Catalog* {
    auto found = catalogs.find(name);
    return found == catalogs.end() ? nullptr : found->second;
  };
  auto inconsistent = checkMetadata(*incoming, lookup);
  if (!inconsistent) co_return std::unexpected(inconsistent.error());
  if (!inconsistent->empty() && !allow_inconsistent) {
    co_return std::unexpected(Error::unexpected("cannot continue due to inconsistent metadata")
                                  .withStatus(400)
                                  .withPath("$.args")
                                  .withInternal(bj::serialize(reportsOf(*inconsistent))));
  }
  batch.metadata = *incoming;
  auto v = command.as_object().find("version");
  bool v2 = wrapped ||
            (v != command.as_object().end() && v->value().is_int64() && v->value().as_int64() == 2);
  if (!v2) co_return bj::value(success());
  bj::object out;
  out["is_consistent"] = inconsistent->empty();
  if (!inconsistent->empty()) out["inconsistent_objects"] = reportsOf(*inconsistent);
  co_return bj::value(std::move(out));
}

bj::object& MetadataService::working(Batch& batch) {
  if (!batch.metadata) {
    std::lock_guard lock(mutex_);
    batch.metadata = *metadata_;
  }
  return *batch.metadata;
}

asio::awaitable<Result<bj::value>> MetadataService::bulk(Api api, const bj::value& args,
                                                         Batch& batch) {
  if (!args.is_array()) {
    co_return std::unexpected(
        Error::parseFailed("expected Array for bulk arguments").withPath("$.args"));
  }
  if (++batch.depth > 8) {
    co_return std::unexpected(Error::badRequest("bulk commands nest too deeply"));
  }
  bj::array results;
  const bj::array& commands = args.as_array();
  for (size_t i = 0; i < commands.size(); ++i) {
    auto result = co_await runCommand(api, commands[i], batch);
    if (!result) {
      co_return std::unexpected(nested(result.error(), "$.args[" + std::to_string(i) + "]"));
    }
    results.push_back(std::move(*result));
  }
  --batch.depth;
  co_return bj::value(std::move(results));
}

}  // namespace graft::metadata
