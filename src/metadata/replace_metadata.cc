#include "metadata/replace_metadata.h"

#include "metadata/relationship_commands.h"
#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

bj::object inconsistency(std::string type, std::string name, std::string reason,
                         bj::value definition) {
  bj::object o;
  o["definition"] = std::move(definition);
  o["name"] = std::move(name);
  o["reason"] = std::move(reason);
  o["type"] = std::move(type);
  return o;
}

// Re-applies one source's tables and then its relationships to an empty copy of the source,
// collecting what fails.
void checkSource(const bj::object& source, const std::string& name, const pg::Catalog& catalog,
                 bj::array& found) {
  bj::object rebuilt;
  rebuilt["version"] = 3;
  bj::object empty_source = source;
  empty_source["tables"] = bj::array();
  rebuilt["sources"] = bj::array{empty_source};
  const bj::array* tables = nullptr;
  if (auto it = source.find("tables"); it != source.end() && it->value().is_array()) {
    tables = &it->value().as_array();
  }
  if (tables == nullptr) return;

  for (const auto& entry : *tables) {
    if (!entry.is_object() || !entry.as_object().contains("table")) continue;
    auto table = parseTableName(entry.as_object().at("table"), "$");
    if (!table) continue;
    TrackTableArgs args;
    args.source = name;
    args.table = *table;
    auto tracked = trackTable(rebuilt, catalog, args);
    if (!tracked) {
      found.push_back(inconsistency("table", table->display() + " in source " + name,
                                    tracked.error().message(), entry));
    }
  }
  for (const auto& entry : *tables) {
    if (!entry.is_object() || !entry.as_object().contains("table")) continue;
    auto table = parseTableName(entry.as_object().at("table"), "$");
    if (!table) continue;
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
          found.push_back(
              inconsistency(type, rel_name + " in table " + table->display() + " in source " + name,
                            created.error().message(), rel));
        }
      }
    }
  }
}

}  // namespace

Result<bj::array> checkMetadata(const bj::object& incoming, const CatalogLookup& catalogs) {
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
  bj::array found;
  for (const auto& source : sources->value().as_array()) {
    if (!source.is_object() || !source.as_object().contains("name") ||
        !source.as_object().at("name").is_string()) {
      return std::unexpected(
          Error::parseFailed("every source needs a \"name\"").withPath("$.args.sources"));
    }
    std::string name(source.as_object().at("name").as_string());
    const pg::Catalog* catalog = catalogs(name);
    if (catalog == nullptr) {
      found.push_back(inconsistency("source", name,
                                    "Graft serves only the default source for now; adding "
                                    "sources comes with pg_add_source",
                                    source));
      continue;
    }
    checkSource(source.as_object(), name, *catalog, found);
  }
  return found;
}

}  // namespace graft::metadata
