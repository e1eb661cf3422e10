#include "metadata/table_commands.h"

#include <boost/json/array.hpp>
#include <unordered_map>

namespace graft::metadata {

namespace bj = boost::json;

namespace {

Result<std::string> optionalString(const bj::object& args, std::string_view key,
                                   std::string fallback) {
  auto it = args.find(key);
  if (it == args.end() || it->value().is_null()) return fallback;
  if (!it->value().is_string()) {
    return std::unexpected(Error::parseFailed("expected String, but encountered another type")
                               .withPath("$.args." + std::string(key)));
  }
  return std::string(it->value().as_string());
}

// Whether a table reference (a name, or {schema, name}) names `name`; parseTableName's
// reading without its copies, as it runs for every entry a lookup passes.
bool namesTable(const bj::value& ref, const pg::QualifiedName& name) {
  if (ref.is_string()) return name.schema == "public" && ref.get_string() == name.name;
  if (!ref.is_object()) return false;
  const bj::object& o = ref.get_object();
  auto table = o.find("name");
  if (table == o.end() || !table->value().is_string() || table->value().get_string() != name.name) {
    return false;
  }
  auto schema = o.find("schema");
  if (schema == o.end() || !schema->value().is_string()) return name.schema == "public";
  return schema->value().get_string() == name.schema;
}

bool sameTable(const bj::value& entry, const pg::QualifiedName& name) {
  if (!entry.is_object()) return false;
  auto t = entry.as_object().find("table");
  return t != entry.as_object().end() && namesTable(t->value(), name);
}

struct NameHash {
  size_t operator()(const pg::QualifiedName& name) const {
    return std::hash<std::string>{}(name.schema) * 31 + std::hash<std::string>{}(name.name);
  }
};

// The position of each table in the last `tables` array looked up on this thread, so that
// checking a whole source (every table and relationship re-applied, each looking its tables
// up) is not quadratic. A position is only trusted after checking the entry there; a name not
// in the index is searched for in full, as entries may have changed since it was built.
struct TableIndex {
  const bj::array* tables = nullptr;
  size_t size = 0;
  std::unordered_map<pg::QualifiedName, size_t, NameHash> positions;

  bj::object* find(bj::array& array, const pg::QualifiedName& name) {
    if (tables != &array || size != array.size()) {
      tables = &array;
      size = array.size();
      positions.clear();
      for (size_t i = 0; i < array.size(); ++i) {
        if (!array[i].is_object()) continue;
        auto t = array[i].as_object().find("table");
        if (t == array[i].as_object().end()) continue;
        if (auto parsed = parseTableName(t->value(), "$")) positions.emplace(*parsed, i);
      }
    }
    if (auto found = positions.find(name);
        found != positions.end() && sameTable(array[found->second], name)) {
      return &array[found->second].as_object();
    }
    for (auto& entry : array) {
      if (sameTable(entry, name)) return &entry.as_object();
    }
    return nullptr;
  }
};

bj::array& tablesOf(bj::object& source) {
  auto it = source.find("tables");
  if (it == source.end() || !it->value().is_array()) source["tables"] = bj::array();
  return source["tables"].as_array();
}

}  // namespace

Error argsError(std::string code, std::string message, std::string path) {
  return Error(std::move(code), std::move(message), 400).withPath(std::move(path));
}

std::string quoted(const pg::QualifiedName& name) { return "\"" + name.display() + "\""; }

bj::object* trackedEntry(bj::object& source, const pg::QualifiedName& table) {
  thread_local TableIndex index;
  return index.find(tablesOf(source), table);
}

const bj::object* trackedEntry(const bj::object& source, const pg::QualifiedName& table) {
  return trackedEntry(const_cast<bj::object&>(source), table);
}

bj::object* findRelationship(bj::object& entry, std::string_view name) {
  for (const char* key : {"object_relationships", "array_relationships"}) {
    auto it = entry.find(key);
    if (it == entry.end() || !it->value().is_array()) continue;
    for (auto& rel : it->value().as_array()) {
      if (rel.is_object() && rel.as_object().contains("name") &&
          rel.as_object().at("name") == bj::value(name)) {
        return &rel.as_object();
      }
    }
  }
  return nullptr;
}

Result<pg::QualifiedName> parseTableName(const bj::value& value, const std::string& path) {
  if (value.is_string()) return pg::QualifiedName{"public", std::string(value.as_string())};
  if (value.is_object()) {
    const auto& o = value.as_object();
    auto name = o.find("name");
    if (name == o.end() || !name->value().is_string()) {
      return std::unexpected(
          Error::parseFailed("parsing QualifiedTable failed, key \"name\" not found")
              .withPath(path));
    }
    std::string schema = "public";
    if (auto s = o.find("schema"); s != o.end() && s->value().is_string()) {
      schema = std::string(s->value().as_string());
    }
    return pg::QualifiedName{std::move(schema), std::string(name->value().as_string())};
  }
  return std::unexpected(
      Error::parseFailed("expected a table name as a String or an Object").withPath(path));
}

Result<TrackTableArgs> parseTrackTableArgs(const bj::value& value, bool legacy) {
  if (legacy && value.is_string()) {  // track_table's args may be just the table's name
    TrackTableArgs out;
    GRAFT_TRY(out.table, parseTableName(value, "$.args"));
    return out;
  }
  if (!value.is_object()) {
    return std::unexpected(Error::parseFailed("expected Object").withPath("$.args"));
  }
  const bj::object& args = value.as_object();
  TrackTableArgs out;
  GRAFT_TRY(out.source, optionalString(args, "source", "default"));
  if (auto t = args.find("table"); t != args.end()) {
    GRAFT_TRY(out.table, parseTableName(t->value(), "$.args.table"));
  } else if (legacy && args.contains("name")) {
    GRAFT_TRY(out.table, parseTableName(value, "$.args"));
  } else {
    return std::unexpected(Error::parseFailed("parsing TrackTable failed, key \"table\" not found")
                               .withPath("$.args"));
  }
  for (const auto& [key, v] : args) {
    if (key == "configuration" || key == "is_enum") out.extra[key] = v;
  }
  return out;
}

Result<UntrackTableArgs> parseUntrackTableArgs(const bj::value& value) {
  GRAFT_TRY(TableRef ref, parseTableRef(value));
  UntrackTableArgs out{std::move(ref.source), std::move(ref.table)};
  const bj::object& args = value.as_object();
  if (auto c = args.find("cascade"); c != args.end() && c->value().is_bool()) {
    out.cascade = c->value().as_bool();
  }
  return out;
}

Result<bj::object*> findSourceEntry(bj::object& metadata, const std::string& source) {
  auto it = metadata.find("sources");
  if (it != metadata.end() && it->value().is_array()) {
    for (auto& entry : it->value().as_array()) {
      if (!entry.is_object()) continue;
      auto name = entry.as_object().find("name");
      if (name != entry.as_object().end() && name->value().is_string() &&
          name->value().as_string() == source) {
        return &entry.as_object();
      }
    }
  }
  return std::unexpected(
      argsError("not-exists", "source with name \"" + source + "\" does not exist"));
}

Status trackTable(bj::object& metadata, const pg::Catalog& catalog, const TrackTableArgs& args,
                  bool check_tracked) {
  GRAFT_TRY(bj::object * source, findSourceEntry(metadata, args.source));
  bj::array& tables = tablesOf(*source);
  for (const auto& entry : tables) {
    if (check_tracked && sameTable(entry, args.table)) {
      return std::unexpected(
          argsError("already-tracked", "view/table already tracked: " + quoted(args.table)));
    }
  }
  if (catalog.findTable(args.table) == nullptr) {
    return std::unexpected(
        argsError("not-exists", "no such table/view exists in source: " + quoted(args.table)));
  }
  bj::object table;
  table["schema"] = args.table.schema;
  table["name"] = args.table.name;
  bj::object entry;
  entry["table"] = std::move(table);
  for (const auto& [key, v] : args.extra) entry[key] = v;
  tables.push_back(std::move(entry));
  return ok();
}

namespace {

// The table a relationship's `using` points at, when it is another table.
std::optional<pg::QualifiedName> relationshipTarget(const bj::value& rel) {
  if (!rel.is_object() || !rel.as_object().contains("using")) return std::nullopt;
  const auto& u = rel.as_object().at("using");
  if (!u.is_object()) return std::nullopt;
  const bj::value* target = nullptr;
  if (auto fk = u.as_object().find("foreign_key_constraint_on");
      fk != u.as_object().end() && fk->value().is_object()) {
    if (auto t = fk->value().as_object().find("table"); t != fk->value().as_object().end()) {
      target = &t->value();
    }
  }
  if (auto m = u.as_object().find("manual_configuration");
      m != u.as_object().end() && m->value().is_object()) {
    if (auto t = m->value().as_object().find("remote_table"); t != m->value().as_object().end()) {
      target = &t->value();
    }
  }
  if (target == nullptr) return std::nullopt;
  auto name = parseTableName(*target, "$");
  if (!name) return std::nullopt;
  return *name;
}

// Relationships of other tables that lead to `table`: listed, and removed when `remove`.
std::vector<std::string> dependentRelationships(bj::array& tables, const pg::QualifiedName& table,
                                                bool remove) {
  std::vector<std::string> found;
  for (auto& entry : tables) {
    if (!entry.is_object() || sameTable(entry, table)) continue;
    auto& e = entry.as_object();
    auto owner = parseTableName(e.at("table"), "$");
    for (const char* key : {"object_relationships", "array_relationships"}) {
      auto it = e.find(key);
      if (it == e.end() || !it->value().is_array()) continue;
      auto& rels = it->value().as_array();
      for (auto r = rels.begin(); r != rels.end();) {
        auto target = relationshipTarget(*r);
        if (target && *target == table) {
          found.push_back("relationship " + (owner ? owner->display() : std::string("?")) + "." +
                          std::string(r->as_object().at("name").as_string()));
          if (remove) {
            r = rels.erase(r);
            continue;
          }
        }
        ++r;
      }
      // Hasura's export leaves out empty relationship lists.
      if (remove && rels.empty()) e.erase(key);
    }
  }
  return found;
}

}  // namespace

Status untrackTable(bj::object& metadata, const UntrackTableArgs& args) {
  GRAFT_TRY(bj::object * source, findSourceEntry(metadata, args.source));
  bj::array& tables = tablesOf(*source);
  for (auto it = tables.begin(); it != tables.end(); ++it) {
    if (!sameTable(*it, args.table)) continue;
    auto dependents = dependentRelationships(tables, args.table, args.cascade);
    if (!dependents.empty() && !args.cascade) {
      std::string list;
      for (const auto& d : dependents) list += (list.empty() ? "" : ", ") + d;
      return std::unexpected(argsError(
          "dependency-error", "cannot drop due to the following dependent objects : " + list));
    }
    // Erasing relationships above may not move table entries, so `it` is still valid.
    tables.erase(it);
    return ok();
  }
  return std::unexpected(
      argsError("already-untracked", "view/table already untracked: " + quoted(args.table)));
}

Result<TableRef> parseTableRef(const bj::value& value) {
  if (!value.is_object()) {
    return std::unexpected(Error::parseFailed("expected Object").withPath("$.args"));
  }
  const bj::object& args = value.as_object();
  TableRef ref;
  GRAFT_TRY(ref.source, optionalString(args, "source", "default"));
  auto t = args.find("table");
  if (t == args.end()) {
    return std::unexpected(Error::parseFailed("key \"table\" not found").withPath("$.args"));
  }
  GRAFT_TRY(ref.table, parseTableName(t->value(), "$.args.table"));
  return ref;
}

Result<bj::object*> findTrackedTable(bj::object& metadata, const TableRef& ref) {
  GRAFT_TRY(bj::object * source, findSourceEntry(metadata, ref.source));
  if (bj::object* entry = trackedEntry(*source, ref.table)) return entry;
  return std::unexpected(
      argsError("not-exists", "table " + quoted(ref.table) + " does not exist", "$.args.table"));
}

}  // namespace graft::metadata
