// MetadataService: the commands that change tables, relationships, permissions, functions and
// data (track/untrack, relationships, settings, permissions, run_sql, insert).
#include <algorithm>
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <ranges>

#include "common/json.h"
#include "common/log.h"
#include "metadata/action_commands.h"
#include "metadata/data_insert.h"
#include "metadata/event_trigger_commands.h"
#include "metadata/function_commands.h"
#include "metadata/permission_commands.h"
#include "metadata/relationship_commands.h"
#include "metadata/remote_commands.h"
#include "metadata/rename.h"
#include "metadata/replace_metadata.h"
#include "metadata/run_sql.h"
#include "metadata/service.h"
#include "metadata/service_internal.h"
#include "metadata/table_commands.h"
#include "metadata/table_settings.h"
#include "pg/catalog.h"
#include "pg/pool.h"

namespace graft::metadata {

namespace asio = boost::asio;

asio::awaitable<Result<bj::value>> MetadataService::permissionCommand(
    const PermissionCommand& command, const bj::value& args, Batch& batch) {
  auto ref = parseTableRef(args);
  if (!ref) co_return std::unexpected(ref.error());
  std::vector<pg::QualifiedName> tables = {ref->table};
  auto catalog = co_await sourceCatalog(ref->source, batch, tables);
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
  batch.wrote_data = true;
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
  // Tables by oid and columns by attnum, so that what the SQL renames keeps its metadata
  // under the new name.
  TableShapes shapes_before;
  if (check) {
    auto catalog = co_await batchCatalog(*source, batch);
    if (!catalog) co_return std::unexpected(catalog.error());
    shapes_before = tableShapes(**catalog);
  }
  batch.catalogs.erase(source->name);
  batch.sql_ran.insert(source->name);
  batch.wrote_data = true;
  auto result = co_await runSql(**connection, std::move(*parsed));
  if (!result || !check) co_return result;
  auto catalog_after = co_await batchCatalog(*source, batch);
  if (!catalog_after) co_return std::unexpected(catalog_after.error());
  auto tables_renamed = renamedTables(shapes_before, **catalog_after);
  auto columns_renamed = renamedColumns(shapes_before, **catalog_after);
  if (!tables_renamed.empty() || !columns_renamed.empty()) {
    auto entry = findSourceEntry(working(batch), source->name);
    if (entry) {
      for (const auto& [from, to] : tables_renamed) renameTable(**entry, from, to);
      for (const auto& [table, renames] : columns_renamed) {
        renameColumns(**entry, **catalog_after, table, renames);
      }
    }
  }
  auto dangling = co_await danglingAfterSql(*source, batch);
  if (!dangling) co_return std::unexpected(dangling.error());
  std::erase_if(*dangling, [&](const Inconsistency& object) {
    return std::ranges::any_of(before, [&](const Inconsistency& old) {
      return old.source == object.source && old.table == object.table &&
             old.relationship == object.relationship;
    });
  });
  if (dangling->empty()) co_return result;
  // A dropped table takes its own metadata with it (relationships, permissions); what other
  // tables have that depends on it, or on a dropped column, needs cascade.
  auto indirect = *dangling | std::views::filter([&](const Inconsistency& object) {
    return (*catalog_after)->findTable(*object.table) != nullptr;
  });
  if (!cascade && !std::ranges::empty(indirect)) {
    // Refused, so the batch rolls the SQL back: Hasura's dependency-error.
    std::string objects;
    for (const Inconsistency& object : indirect) {
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
    current = batch.metadata ? *batch.metadata : *metadata_;
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

asio::awaitable<Result<bj::value>> MetadataService::trackCommand(const bj::value& args, bool legacy,
                                                                 Batch& batch) {
  auto parsed = parseTrackTableArgs(args, legacy);
  if (!parsed) co_return std::unexpected(parsed.error());
  std::vector<pg::QualifiedName> tables = {parsed->table};
  auto catalog = co_await sourceCatalog(parsed->source, batch, tables);
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
  std::vector<pg::QualifiedName> tables = relationshipTables(*parsed);
  auto catalog = co_await sourceCatalog(parsed->source, batch, tables);
  if (!catalog) co_return std::unexpected(catalog.error());
  auto kind =
      type.ends_with("object_relationship") ? RelationshipKind::kObject : RelationshipKind::kArray;
  auto created = createRelationship(working(batch), **catalog, kind, *parsed);
  if (!created) co_return std::unexpected(created.error());
  co_return bj::value(success());
}

asio::awaitable<std::optional<Result<bj::value>>> MetadataService::storedCommand(
    const std::string& type, const bj::value& args, bool legacy, Batch& batch) {
  // The table a command about one names, for a read of just that table.
  auto namedTable = [&]() {
    std::vector<pg::QualifiedName> tables;
    const bj::value* table = args.is_object() ? args.as_object().if_contains("table") : nullptr;
    if (table == nullptr) return tables;
    if (auto name = parseTableName(*table, "$.args.table")) tables.push_back(*name);
    return tables;
  };
  auto done = [](Status status) -> std::optional<Result<bj::value>> {
    if (!status) return Result<bj::value>(std::unexpected(status.error()));
    return Result<bj::value>(bj::value(success()));
  };
  std::string_view name = type;
  if (!legacy && name.starts_with("pg_")) name.remove_prefix(3);
  if (name == "create_event_trigger" || name == "delete_event_trigger") {
    if (name == "delete_event_trigger") co_return done(deleteEventTrigger(working(batch), args));
    auto catalog = co_await sourceCatalog(eventTriggerSource(args), batch, namedTable());
    if (!catalog) co_return Result<bj::value>(std::unexpected(catalog.error()));
    co_return done(createEventTrigger(working(batch), **catalog, args));
  }
  if (isActionCommand(type)) co_return done(runActionCommand(working(batch), type, args));
  if (!isRemoteCommand(type)) co_return std::nullopt;
  const pg::Catalog* catalog = nullptr;
  if (auto source = remoteRelationshipSource(type, args)) {
    auto read = co_await sourceCatalog(*source, batch, namedTable());
    if (!read) co_return Result<bj::value>(std::unexpected(read.error()));
    catalog = *read;
  }
  RemoteCommandContext context{
      .environment = [](const std::string& variable) -> std::optional<std::string> {
        const char* value = std::getenv(variable.c_str());
        if (value == nullptr) return std::nullopt;
        return std::string(value);
      },
      .remote_schema_permissions = remote_schema_permissions_};
  co_return done(runRemoteCommand(working(batch), type, args, catalog, context));
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
  std::vector<pg::QualifiedName> tables = {ref->table};
  auto catalog = co_await sourceCatalog(ref->source, batch, tables);
  if (!catalog) co_return Result<bj::value>(std::unexpected(catalog.error()));
  bj::object& metadata = working(batch);
  Status done = customization ? setTableCustomization(metadata, **catalog, args, legacy)
                : name == "set_table_is_enum"   ? setTableIsEnum(metadata, **catalog, args)
                : name == "rename_relationship" ? renameRelationship(metadata, **catalog, args)
                                                : setRelationshipComment(metadata, args);
  if (!done) co_return Result<bj::value>(std::unexpected(done.error()));
  co_return Result<bj::value>(bj::value(success()));
}

}  // namespace graft::metadata
