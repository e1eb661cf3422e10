#include "metadata/service.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "common/json.h"
#include "common/log.h"
#include "metadata/data_insert.h"
#include "metadata/function_commands.h"
#include "metadata/permission_commands.h"
#include "metadata/relationship_commands.h"
#include "metadata/replace_metadata.h"
#include "metadata/run_sql.h"
#include "metadata/table_commands.h"
#include "metadata/table_settings.h"
#include "pg/catalog.h"
#include "pg/pool.h"

namespace graft::metadata {

namespace bj = boost::json;
namespace asio = boost::asio;

// What one request (a command, or a whole bulk) has done so far: the SQL it ran sits in an
// open transaction per source, and metadata changes in a working copy, so that a failure
// anywhere leaves both untouched.
struct MetadataService::Batch {
  long base_version = 0;
  std::optional<bj::object> metadata;  // the working copy, once a command changed it
  std::map<std::string, pg::PooledConnection> connections;  // per source, inside BEGIN
  // Catalogs read inside those transactions; run_sql on a source forgets its catalog.
  std::map<std::string, pg::Catalog> catalogs;
  int depth = 0;               // bulk nesting
  bool reload = false;         // reload_metadata ran: re-check consistency at the end
  int report_consistency = 0;  // 1: add is_consistent to the result; 2: and the objects
};

namespace {

// Aeson's names, which Hasura's parse errors use.
std::string jsonTypeName(const bj::value& v) {
  if (v.is_array()) return "Array";
  if (v.is_string()) return "String";
  if (v.is_bool()) return "Boolean";
  if (v.is_null()) return "Null";
  if (v.is_object()) return "Object";
  return "Number";
}

// Re-roots an error raised inside the command at `prefix` ("$.args[2]"): "$.args.sql"
// becomes "$.args[2].args.sql".
Error nested(Error error, const std::string& prefix) {
  error.withPath(prefix + error.path().substr(1));
  return error;
}

bj::object success() {
  bj::object out;
  out["message"] = "success";
  return out;
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
        metadata_ = std::move(initial);
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
    metadata_ = std::move(parsed->as_object());
    resource_version_ = stored->resource_version;
  }
  co_return co_await refreshConsistency();
}

asio::awaitable<Status> MetadataService::refreshConsistency(const pg::Catalog* known) {
  std::optional<pg::Catalog> fresh;
  if (known == nullptr && default_source_) {
    auto catalog = co_await pg::introspect(*default_source_->pool);
    if (!catalog) co_return std::unexpected(catalog.error());
    fresh = std::move(*catalog);
    known = &*fresh;
  }
  bj::object current;
  long version = 0;
  {
    std::lock_guard lock(mutex_);
    current = metadata_;
    version = resource_version_;
  }
  syncSources(current);
  // Every source's catalog; one that cannot be read leaves its source inconsistent.
  std::map<std::string, std::shared_ptr<const pg::Catalog>> catalogs;
  if (known != nullptr)
    catalogs[default_source_->name] = std::make_shared<const pg::Catalog>(*known);
  std::vector<Source> others;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, added] : added_) others.push_back(added.source);
  }
  for (const Source& source : others) {
    auto catalog = co_await pg::introspect(*source.pool);
    if (!catalog) {
      log::warn("metadata", "source-catalog", source.name + ": " + catalog.error().message());
      continue;
    }
    catalogs[source.name] = std::make_shared<const pg::Catalog>(std::move(*catalog));
  }
  auto lookup = [&](const std::string& name) -> const pg::Catalog* {
    auto found = catalogs.find(name);
    return found == catalogs.end() ? nullptr : found->second.get();
  };
  auto found = checkMetadata(current, lookup);
  if (!found) co_return std::unexpected(found.error());

  // What is served: the metadata without its inconsistent objects.
  auto resolved = std::make_shared<Resolved>();
  resolved->resource_version = version;
  dropInconsistent(current, *found);
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
  std::lock_guard lock(mutex_);
  inconsistent_ = std::move(*found);
  resolved_ = std::move(resolved);
  co_return ok();
}

asio::awaitable<Status> MetadataService::reloadIfChanged() {
  auto stored = co_await storage_.load();
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
  {
    std::lock_guard lock(mutex_);
    if (stored->resource_version <= resource_version_) co_return ok();  // we moved meanwhile
    metadata_ = std::move(parsed->as_object());
    resource_version_ = stored->resource_version;
  }
  log::info("metadata", "reloaded",
            "metadata changed by another instance; now at resource_version " +
                std::to_string(stored->resource_version));
  co_return co_await refreshConsistency();
}

void MetadataService::watch(asio::any_io_executor executor, std::chrono::milliseconds period) {
  asio::co_spawn(executor, watchLoop(shared_from_this(), period), asio::detached);
}

asio::awaitable<void> MetadataService::watchLoop(std::shared_ptr<MetadataService> self,
                                                 std::chrono::milliseconds period) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    timer.expires_after(period);
    auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    if (ec) co_return;
    auto reloaded = co_await self->reloadIfChanged();
    // The database may be away for a while; the next round tries again.
    if (!reloaded) log::warn("metadata", "reload-failed", reloaded.error().message());
  }
}

std::shared_ptr<const Resolved> MetadataService::resolved() const {
  std::lock_guard lock(mutex_);
  return resolved_;
}

bool MetadataService::isConsistent() const {
  std::lock_guard lock(mutex_);
  return inconsistent_.empty();
}

long MetadataService::resourceVersion() const {
  std::lock_guard lock(mutex_);
  return resource_version_;
}

std::optional<Source> MetadataService::findSource(const std::string& name) const {
  if (default_source_ && default_source_->name == name) return *default_source_;
  std::lock_guard lock(mutex_);
  auto found = added_.find(name);
  if (found == added_.end()) return std::nullopt;
  return found->second.source;
}

std::vector<std::shared_ptr<pg::Pool>> MetadataService::sourcePools() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<pg::Pool>> pools;
  for (const auto& [name, added] : added_) pools.push_back(added.source.pool);
  return pools;
}

void MetadataService::syncSources(const bj::object& metadata) {
  std::map<std::string, std::string> wanted;  // name → serialised configuration
  if (auto sources = metadata.find("sources");
      sources != metadata.end() && sources->value().is_array()) {
    for (const bj::value& source : sources->value().as_array()) {
      if (!source.is_object()) continue;
      const bj::object& entry = source.as_object();
      auto name = entry.find("name");
      if (name == entry.end() || !name->value().is_string()) continue;
      if (default_source_ && name->value().as_string() == default_source_->name) continue;
      auto configuration = entry.find("configuration");
      wanted[std::string(name->value().as_string())] =
          configuration == entry.end() ? "null" : bj::serialize(configuration->value());
    }
  }
  std::vector<std::pair<std::string, std::string>> to_connect;
  {
    std::lock_guard lock(mutex_);
    std::erase_if(added_, [&](const auto& entry) { return !wanted.contains(entry.first); });
    for (const auto& [name, configuration] : wanted) {
      auto found = added_.find(name);
      if (found == added_.end() || found->second.configuration != configuration) {
        to_connect.emplace_back(name, configuration);
      }
    }
  }
  for (const auto& [name, configuration] : to_connect) {
    if (!connector_) continue;
    auto pool = connector_(bj::parse(configuration));
    if (!pool) {
      log::warn("metadata", "source-pool", name + ": " + pool.error().message());
      continue;
    }
    std::lock_guard lock(mutex_);
    added_[name] = AddedSource{Source{name, std::move(*pool)}, configuration};
  }
}

Result<Source> MetadataService::requireSource(const std::string& name) const {
  if (auto source = findSource(name)) return *source;
  return std::unexpected(
      Error("not-exists", "source with name \"" + name + "\" does not exist", 400)
          .withPath("$.args"));
}

asio::awaitable<Result<const pg::Catalog*>> MetadataService::sourceCatalog(const std::string& name,
                                                                           Batch& batch) {
  auto source = requireSource(name);
  if (!source) co_return std::unexpected(source.error());
  co_return co_await batchCatalog(*source, batch);
}

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

  // Finish the SQL: commit everything or roll everything back.
  for (auto& [name, connection] : batch.connections) {
    auto end = co_await connection.executeSimple(result ? "COMMIT" : "ROLLBACK");
    if (result && !end) result = std::unexpected(end.error());
  }
  if (!result) co_return result;

  if (batch.metadata) {
    auto version = co_await storage_.store(bj::serialize(*batch.metadata), batch.base_version);
    if (!version) co_return std::unexpected(version.error());
    std::lock_guard lock(mutex_);
    metadata_ = std::move(*batch.metadata);
    resource_version_ = *version;
  }
  // New metadata, or SQL that may have changed what it refers to: re-check it. A failure
  // here (the database went away) leaves the old report; the command itself succeeded.
  if (batch.metadata || !batch.connections.empty() || batch.reload) {
    // A catalog the batch read after its last SQL is what was just committed: reuse it rather
    // than reading the catalog again (reload_metadata asks for a fresh read).
    const pg::Catalog* known = nullptr;
    if (default_source_ && !batch.reload) {
      auto it = batch.catalogs.find(default_source_->name);
      if (it != batch.catalogs.end()) known = &it->second;
    }
    auto refreshed = co_await refreshConsistency(known);
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
      current = batch.metadata ? *batch.metadata : metadata_;
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
  if (*type == "insert" && api != Api::kMetadata) co_return co_await insertCommand(args, batch);
  if (*type == "clear_metadata" && api != Api::kQueryV2) {
    batch.metadata = initialMetadata();
    co_return bj::value(success());
  }
  co_return std::unexpected(
      Error::notSupported("the command \"" + *type + "\" is not supported by Graft yet")
          .withPath("$.type"));
}

asio::awaitable<Result<bj::value>> MetadataService::permissionCommand(
    const PermissionCommand& command, const bj::value& args, Batch& batch) {
  auto ref = parseTableRef(args);
  if (!ref) co_return std::unexpected(ref.error());
  auto catalog = co_await sourceCatalog(ref->source, batch);
  if (!catalog) co_return std::unexpected(catalog.error());
  bj::object& metadata = working(batch);
  Status done = command.action == PermissionCommand::Action::kCreate
                    ? createPermission(metadata, **catalog, *command.kind, args)
                : command.action == PermissionCommand::Action::kDrop
                    ? dropPermission(metadata, *command.kind, args)
                    : setPermissionComment(metadata, args);
  if (!done) co_return std::unexpected(done.error());
  co_return bj::value(success());
}

asio::awaitable<Result<bj::value>> MetadataService::sourceCommand(const std::string& type,
                                                                  const bj::value& args,
                                                                  Batch& batch) {
  if (!args.is_object() || !args.as_object().contains("name") ||
      !args.as_object().at("name").is_string()) {
    co_return std::unexpected(Error::parseFailed("key \"name\" not found").withPath("$.args"));
  }
  const bj::object& a = args.as_object();
  std::string name(a.at("name").as_string());
  bj::object& metadata = working(batch);
  bj::value& sources_value = metadata["sources"];
  if (!sources_value.is_array()) sources_value = bj::array();
  bj::array& sources = sources_value.as_array();
  auto entry = std::find_if(sources.begin(), sources.end(), [&](const bj::value& source) {
    return source.is_object() && source.as_object().contains("name") &&
           source.as_object().at("name") == name.c_str();
  });
  auto not_found = [&] {
    return Error("not-exists", "source with name \"" + name + "\" does not exist", 400)
        .withPath("$.args");
  };

  if (type == "pg_drop_source") {
    if (entry == sources.end()) co_return std::unexpected(not_found());
    bool cascade = a.contains("cascade") && a.at("cascade").is_bool() && a.at("cascade").as_bool();
    const bj::object& source = entry->as_object();
    if (!cascade) {
      std::string objects;
      if (auto tables = source.find("tables");
          tables != source.end() && tables->value().is_array()) {
        for (const bj::value& table : tables->value().as_array()) {
          if (!table.is_object() || !table.as_object().contains("table")) continue;
          auto table_name = parseTableName(table.as_object().at("table"), "$");
          if (!table_name) continue;
          objects += (objects.empty() ? "" : ", ") +
                     ("table " + table_name->display() + " in source \"" + name + "\"");
        }
      }
      if (!objects.empty()) {
        co_return std::unexpected(
            Error("dependency-error",
                  "cannot drop due to the following dependent objects: " + objects, 400)
                .withPath("$.args"));
      }
    }
    sources.erase(entry);
    co_return bj::value(success());
  }

  auto configuration = a.find("configuration");
  bool replace = type == "pg_update_source" ||
                 (a.contains("replace_configuration") && a.at("replace_configuration").is_bool() &&
                  a.at("replace_configuration").as_bool());
  if (type == "pg_update_source" && entry == sources.end()) co_return std::unexpected(not_found());
  if (type == "pg_add_source" && entry != sources.end() && !replace) {
    co_return std::unexpected(
        Error("already-exists", "source with name \"" + name + "\" already exists", 400)
            .withPath("$.args"));
  }
  if (configuration == a.end() && type == "pg_add_source") {
    co_return std::unexpected(
        Error::parseFailed("key \"configuration\" not found").withPath("$.args"));
  }
  if (configuration != a.end()) {
    // The new pool must reach its database before the source is accepted.
    if (!connector_) {
      co_return std::unexpected(Error::notSupported("this server cannot add sources"));
    }
    auto pool = connector_(configuration->value());
    if (!pool) co_return std::unexpected(pool.error().withPath("$.args.configuration"));
    auto catalog = co_await pg::introspect(**pool);
    if (!catalog) {
      (*pool)->close();
      // The request is at fault (a wrong URL, a database that is not there): 400, not 500.
      co_return std::unexpected(catalog.error().withStatus(400).withPath("$.args.configuration"));
    }
    std::lock_guard lock(mutex_);
    added_[name] =
        AddedSource{Source{name, std::move(*pool)}, bj::serialize(configuration->value())};
  }
  if (entry == sources.end()) {
    bj::object source;
    source["name"] = name;
    source["kind"] = "postgres";
    source["tables"] = bj::array();
    source["configuration"] = configuration->value();
    if (auto customization = a.find("customization"); customization != a.end()) {
      source["customization"] = customization->value();
    }
    sources.push_back(std::move(source));
  } else {
    bj::object& source = entry->as_object();
    if (configuration != a.end()) source["configuration"] = configuration->value();
    if (auto customization = a.find("customization"); customization != a.end()) {
      source["customization"] = customization->value();
    }
  }
  co_return bj::value(success());
}

asio::awaitable<Result<bj::value>> MetadataService::insertCommand(const bj::value& args,
                                                                  Batch& batch) {
  std::string source_name = "default";
  if (args.is_object()) {
    if (auto s = args.as_object().find("source");
        s != args.as_object().end() && s->value().is_string()) {
      source_name = s->value().as_string();
    }
  }
  auto catalog = co_await sourceCatalog(source_name, batch);
  if (!catalog) co_return std::unexpected(catalog.error());
  auto command = buildInsert(working(batch), **catalog, args);
  if (!command) co_return std::unexpected(command.error());
  auto source = requireSource(command->source);
  if (!source) co_return std::unexpected(source.error());
  auto connection = co_await batchConnection(*source, batch);
  if (!connection) co_return std::unexpected(connection.error());
  auto result = co_await (*connection)->execute(std::move(command->statement));
  if (!result) co_return std::unexpected(result.error());
  co_return insertResponse(*result);
}

asio::awaitable<Result<bj::value>> MetadataService::runSqlCommand(const bj::value& args,
                                                                  Batch& batch) {
  auto parsed = parseRunSqlArgs(args);
  if (!parsed) co_return std::unexpected(parsed.error());
  auto found = requireSource(parsed->source);
  if (!found) co_return std::unexpected(found.error());
  const Source* source = &*found;
  if (parsed->read_only) {
    // A read-only transaction of its own: a transaction cannot become read-only midway.
    auto connection = co_await source->pool->acquire();
    if (!connection) co_return std::unexpected(connection.error());
    co_return co_await runSql(*connection, std::move(*parsed));
  }
  auto connection = co_await batchConnection(*source, batch);
  if (!connection) co_return std::unexpected(connection.error());
  bool cascade = parsed->cascade;
  bool check = parsed->check_metadata_consistency;
  // What was already inconsistent before the SQL is not the SQL's doing.
  std::vector<Inconsistency> before;
  if (check) {
    if (batch.metadata || batch.catalogs.contains(source->name)) {
      auto found = co_await danglingAfterSql(*source, batch);
      if (!found) co_return std::unexpected(found.error());
      before = std::move(*found);
    } else {
      std::lock_guard lock(mutex_);
      before = inconsistent_;
    }
  }
  batch.catalogs.erase(source->name);
  auto result = co_await runSql(**connection, std::move(*parsed));
  if (!result || !check) co_return result;
  auto dangling = co_await danglingAfterSql(*source, batch);
  if (!dangling) co_return std::unexpected(dangling.error());
  std::erase_if(*dangling, [&](const Inconsistency& object) {
    return std::ranges::any_of(before, [&](const Inconsistency& old) {
      return old.source == object.source && old.table == object.table &&
             old.relationship == object.relationship;
    });
  });
  if (dangling->empty()) co_return result;
  if (!cascade) {
    // Refused, so the batch rolls the SQL back: Hasura's dependency-error.
    std::string objects;
    for (const Inconsistency& object : *dangling) {
      if (!objects.empty()) objects += ", ";
      objects += object.relationship
                     ? "relationship " + object.table->display() + "." + *object.relationship
                     : "table " + object.table->display();
      objects += " in source \"" + object.source + "\"";
    }
    co_return std::unexpected(
        Error("dependency-error", "cannot drop due to the following dependent objects: " + objects)
            .withPath("$"));
  }
  dropInconsistent(working(batch), *dangling);
  co_return result;
}

asio::awaitable<Result<std::vector<Inconsistency>>> MetadataService::danglingAfterSql(
    const Source& source, Batch& batch) {
  auto catalog = co_await batchCatalog(source, batch);
  if (!catalog) co_return std::unexpected(catalog.error());
  bj::object current;
  {
    std::lock_guard lock(mutex_);
    current = batch.metadata ? *batch.metadata : metadata_;
  }
  auto lookup = [&](const std::string& name) -> const pg::Catalog* {
    return name == source.name ? *catalog : nullptr;
  };
  auto found = checkMetadata(current, lookup);
  if (!found) co_return std::unexpected(found.error());
  // Objects of this source that the SQL left without their table or columns.
  std::vector<Inconsistency> dangling;
  for (Inconsistency& object : *found) {
    if (object.source == source.name && object.table) dangling.push_back(std::move(object));
  }
  co_return dangling;
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
  if (cached == batch.catalogs.end()) {
    // Read inside the batch's transaction: a table created earlier in the same bulk is seen.
    auto connection = co_await batchConnection(source, batch);
    if (!connection) co_return std::unexpected(connection.error());
    auto catalog = co_await pg::introspect(**connection);
    if (!catalog) co_return std::unexpected(catalog.error());
    cached = batch.catalogs.emplace(source.name, std::move(*catalog)).first;
  }
  co_return &cached->second;
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

asio::awaitable<Result<bj::value>> MetadataService::relationshipCommand(const std::string& type,
                                                                        const bj::value& args,
                                                                        Batch& batch) {
  if (type.ends_with("drop_relationship")) {
    auto parsed = parseDropRelationshipArgs(args);
    if (!parsed) co_return std::unexpected(parsed.error());
    auto dropped = dropRelationship(working(batch), *parsed);
    if (!dropped) co_return std::unexpected(dropped.error());
    co_return bj::value(success());
  }
  auto parsed = parseCreateRelationshipArgs(args);
  if (!parsed) co_return std::unexpected(parsed.error());
  auto catalog = co_await sourceCatalog(parsed->source, batch);
  if (!catalog) co_return std::unexpected(catalog.error());
  auto kind =
      type.ends_with("object_relationship") ? RelationshipKind::kObject : RelationshipKind::kArray;
  auto created = createRelationship(working(batch), **catalog, kind, *parsed);
  if (!created) co_return std::unexpected(created.error());
  co_return bj::value(success());
}

asio::awaitable<std::optional<Result<bj::value>>> MetadataService::settingsCommand(
    const std::string& type, const bj::value& args, bool legacy, Batch& batch) {
  std::string name = legacy ? type : (type.starts_with("pg_") ? type.substr(3) : "");
  bool customization =
      legacy ? name == "set_table_custom_fields" : name == "set_table_customization";
  if (!customization && name != "set_table_is_enum" && name != "rename_relationship" &&
      name != "set_relationship_comment") {
    co_return std::nullopt;
  }
  auto ref = parseTableRef(args);
  if (!ref) co_return Result<bj::value>(std::unexpected(ref.error()));
  auto catalog = co_await sourceCatalog(ref->source, batch);
  if (!catalog) co_return Result<bj::value>(std::unexpected(catalog.error()));
  bj::object& metadata = working(batch);
  Status done = customization ? setTableCustomization(metadata, **catalog, args, legacy)
                : name == "set_table_is_enum"   ? setTableIsEnum(metadata, **catalog, args)
                : name == "rename_relationship" ? renameRelationship(metadata, **catalog, args)
                                                : setRelationshipComment(metadata, args);
  if (!done) co_return Result<bj::value>(std::unexpected(done.error()));
  co_return Result<bj::value>(bj::value(success()));
}

bj::object& MetadataService::working(Batch& batch) {
  if (!batch.metadata) {
    std::lock_guard lock(mutex_);
    batch.metadata = metadata_;
  }
  return *batch.metadata;
}

asio::awaitable<Result<bj::value>> MetadataService::trackCommand(const bj::value& args, bool legacy,
                                                                 Batch& batch) {
  auto parsed = parseTrackTableArgs(args, legacy);
  if (!parsed) co_return std::unexpected(parsed.error());
  auto catalog = co_await sourceCatalog(parsed->source, batch);
  if (!catalog) co_return std::unexpected(catalog.error());
  auto tracked = trackTable(working(batch), **catalog, *parsed);
  if (!tracked) co_return std::unexpected(tracked.error());
  co_return bj::value(success());
}

asio::awaitable<Result<bj::value>> MetadataService::manyTablesCommand(bool track,
                                                                      const bj::value& args,
                                                                      Batch& batch) {
  if (!args.is_object() || !args.as_object().contains("tables") ||
      !args.as_object().at("tables").is_array()) {
    co_return std::unexpected(
        Error::parseFailed("key \"tables\" not found or not an Array").withPath("$.args"));
  }
  const bj::object& a = args.as_object();
  bool allow_warnings = !a.contains("allow_warnings") || !a.at("allow_warnings").is_bool() ||
                        a.at("allow_warnings").as_bool();
  bj::array warnings;
  const bj::array& tables = a.at("tables").as_array();
  for (size_t i = 0; i < tables.size(); ++i) {
    // Each table on a copy of the metadata, so that one that fails leaves no trace.
    bj::object before = working(batch);
    // Not a conditional around two co_awaits: GCC 12 miscompiles that.
    Result<bj::value> done;
    if (track) {
      done = co_await trackCommand(tables[i], false, batch);
    } else {
      done = co_await untrackCommand(tables[i], batch);
    }
    if (done) continue;
    working(batch) = std::move(before);
    if (!allow_warnings) {
      co_return std::unexpected(nested(done.error(), "$.args.tables[" + std::to_string(i) + "]"));
    }
    bj::object warning;
    warning["type"] = track ? "track_table_failed" : "untrack_table_failed";
    warning["message"] = done.error().message();
    std::string name;
    if (tables[i].is_object() && tables[i].as_object().contains("table")) {
      if (auto parsed = parseTableName(tables[i].as_object().at("table"), "$")) {
        name = "table " + parsed->display();
      }
    }
    warning["name"] = name;
    warnings.push_back(std::move(warning));
  }
  bj::object out = success();
  if (!warnings.empty()) out["warnings"] = std::move(warnings);
  co_return bj::value(std::move(out));
}

asio::awaitable<Result<bj::value>> MetadataService::untrackCommand(const bj::value& args,
                                                                   Batch& batch) {
  auto parsed = parseUntrackTableArgs(args);
  if (!parsed) co_return std::unexpected(parsed.error());
  auto untracked = untrackTable(working(batch), *parsed);
  if (!untracked) co_return std::unexpected(untracked.error());
  co_return bj::value(success());
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
