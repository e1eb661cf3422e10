#include "metadata/replace_metadata.h"

#include <algorithm>
#include <unordered_set>

#include "metadata/relationship_commands.h"
#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

bj::object report(std::string type, std::string reason, bj::value definition) {
  bj::object o;
  o["definition"] = std::move(definition);
  o["reason"] = std::move(reason);
  o["type"] = std::move(type);
  return o;
}

bj::object tableName(const pg::QualifiedName& name) {
  bj::object o;
  o["schema"] = name.schema;
  o["name"] = name.name;
  return o;
}

// Re-applies one source's tables and then its relationships to an empty copy of the source,
// collecting what fails.
void checkSource(const bj::object& source, const std::string& name, const pg::Catalog& catalog,
                 std::vector<Inconsistency>& found) {
  bj::object rebuilt;
  rebuilt["version"] = 3;
  bj::object empty_source;
  for (const auto& [key, value] : source) {
    empty_source[key] = key == "tables" ? bj::value(bj::array()) : value;
  }
  rebuilt["sources"] = bj::array{empty_source};
  const bj::array* tables = nullptr;
  if (auto it = source.find("tables"); it != source.end() && it->value().is_array()) {
    tables = &it->value().as_array();
  }
  if (tables == nullptr) return;

  std::vector<pg::QualifiedName> broken;
  // Tables seen so far ("schema\0name"): a set, as asking trackTable to search the tables
  // already rebuilt would make checking thousands of tables quadratic.
  std::unordered_set<std::string> seen;
  for (const auto& entry : *tables) {
    if (!entry.is_object() || !entry.as_object().contains("table")) continue;
    auto table = parseTableName(entry.as_object().at("table"), "$");
    if (!table) continue;
    TrackTableArgs args;
    args.source = name;
    args.table = *table;
    bool repeated = !seen.insert(table->schema + '\0' + table->name).second;
    auto tracked =
        repeated
            ? Status(std::unexpected(argsError(
                  "already-tracked", "view/table already tracked: \"" + table->display() + "\"")))
            : trackTable(rebuilt, catalog, args, /*check_tracked=*/false);
    if (!tracked) {
      std::string reason =
          catalog.findTable(*table) == nullptr
              ? "no such table/view exists in postgres: \"" + table->display() + "\""
              : tracked.error().message();
      found.push_back({report("table", reason, tableName(*table)), name, *table, std::nullopt});
      broken.push_back(*table);
    }
  }
  for (const auto& entry : *tables) {
    if (!entry.is_object() || !entry.as_object().contains("table")) continue;
    auto table = parseTableName(entry.as_object().at("table"), "$");
    if (!table) continue;
    if (std::find(broken.begin(), broken.end(), *table) != broken.end()) continue;
    for (auto [key, kind, type] :
         {std::tuple{"object_relationships", RelationshipKind::kObject, "object_relation"},
          std::tuple{"array_relationships", RelationshipKind::kArray, "array_relation"}}) {
      auto rels = entry.as_object().find(key);
      if (rels == entry.as_object().end() || !rels->value().is_array()) continue;
      for (const auto& rel : rels->value().as_array()) {
        bj::object args_json;
        args_json["source"] = name;
        args_json["table"] = entry.as_object().at("table");
        if (rel.is_object()) {
          for (const auto& [k, v] : rel.as_object()) args_json[k] = v;
        }
        std::string rel_name = rel.is_object() && rel.as_object().contains("name") &&
                                       rel.as_object().at("name").is_string()
                                   ? std::string(rel.as_object().at("name").as_string())
                                   : "?";
        auto args = parseCreateRelationshipArgs(args_json);
        Status created = args ? createRelationship(rebuilt, catalog, kind, *args)
                              : Status(std::unexpected(args.error()));
        if (!created) {
          // Hasura's definition of a relationship names its table and source.
          bj::object definition;
          if (rel.is_object()) {
            if (auto u = rel.as_object().find("using"); u != rel.as_object().end()) {
              definition["using"] = u->value();
            }
          }
          definition["name"] = rel_name;
          definition["source"] = name;
          definition["comment"] = rel.is_object() && rel.as_object().contains("comment")
                                      ? rel.as_object().at("comment")
                                      : bj::value(nullptr);
          definition["table"] = tableName(*table);
          std::string reason = "in table \"" + table->display() + "\": in relationship \"" +
                               rel_name + "\": " + created.error().message();
          found.push_back({report(type, reason, std::move(definition)), name, *table, rel_name});
        }
      }
    }
  }
}

}  // namespace

Result<std::vector<Inconsistency>> checkMetadata(const bj::object& incoming,
                                                 const CatalogLookup& catalogs) {
  auto version = incoming.find("version");
  if (version == incoming.end() || !version->value().is_int64() ||
      version->value().as_int64() != 3) {
    return std::unexpected(
        Error::parseFailed("only metadata version 3 is supported; export it from Hasura v2")
            .withPath("$.args.version"));
  }
  auto sources = incoming.find("sources");
  if (sources == incoming.end() || !sources->value().is_array()) {
    return std::unexpected(
        Error::parseFailed("key \"sources\" not found or not an Array").withPath("$.args"));
  }
  std::vector<Inconsistency> found;
  for (const auto& source : sources->value().as_array()) {
    if (!source.is_object() || !source.as_object().contains("name") ||
        !source.as_object().at("name").is_string()) {
      return std::unexpected(
          Error::parseFailed("every source needs a \"name\"").withPath("$.args.sources"));
    }
    std::string name(source.as_object().at("name").as_string());
    const pg::Catalog* catalog = catalogs(name);
    if (catalog == nullptr) {
      // No catalog: the source's pool could not be made or its database did not answer.
      found.push_back({report("source", "Inconsistent object: connection error", source), name,
                       std::nullopt, std::nullopt});
      continue;
    }
    checkSource(source.as_object(), name, *catalog, found);
  }
  return found;
}

bj::array reportsOf(const std::vector<Inconsistency>& found) {
  bj::array out;
  for (const auto& f : found) out.push_back(f.report);
  return out;
}

void dropInconsistent(bj::object& metadata, const std::vector<Inconsistency>& found) {
  auto sources = metadata.find("sources");
  if (sources == metadata.end() || !sources->value().is_array()) return;
  auto& list = sources->value().as_array();
  for (const auto& f : found) {
    for (auto s = list.begin(); s != list.end(); ++s) {
      if (!s->is_object() || s->as_object().at("name") != bj::value(f.source)) continue;
      if (!f.table) {
        list.erase(s);
        break;
      }
      if (!f.relationship) {
        UntrackTableArgs args;
        args.source = f.source;
        args.table = *f.table;
        args.cascade = true;  // relationships leading to a table that is gone go with it
        (void)untrackTable(metadata, args);
      } else {
        DropRelationshipArgs args;
        args.source = f.source;
        args.table = *f.table;
        args.relationship = *f.relationship;
        (void)dropRelationship(metadata, args);
      }
      break;
    }
  }
}

}  // namespace graft::metadata
