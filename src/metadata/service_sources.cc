// MetadataService: its sources — the default one, and those the metadata adds, each with its
// own pool (pg_add_source, pg_update_source, pg_drop_source).
#include <algorithm>
#include <boost/asio/awaitable.hpp>
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
#include "metadata/service.h"
#include "metadata/service_internal.h"
#include "metadata/table_commands.h"
#include "metadata/table_settings.h"
#include "pg/catalog.h"
#include "pg/pool.h"

namespace graft::metadata {

namespace asio = boost::asio;

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
    // A source that goes, or whose configuration changes, takes its last catalog with it.
    std::erase_if(added_, [&](const auto& entry) {
      if (wanted.contains(entry.first)) return false;
      catalogs_.erase(entry.first);
      return true;
    });
    for (const auto& [name, configuration] : wanted) {
      auto found = added_.find(name);
      if (found == added_.end() || found->second.configuration != configuration) {
        to_connect.emplace_back(name, configuration);
        catalogs_.erase(name);
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
    {
      std::lock_guard lock(mutex_);
      added_[name] =
          AddedSource{Source{name, std::move(*pool)}, bj::serialize(configuration->value())};
    }
    batch.sources_changed = true;
    // What the rest of the batch, and the refresh after it, resolve against: the catalog of
    // the database the source now points to, never the last one read of its previous one.
    batch.catalogs[name] = Batch::SourceCatalog{std::move(*catalog), true, {}};
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

}  // namespace graft::metadata
