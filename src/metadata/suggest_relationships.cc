#include "metadata/suggest_relationships.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <utility>

#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

bj::object tableJson(const pg::QualifiedName& name) {
  bj::object table;
  table["schema"] = name.schema;
  table["name"] = name.name;
  return table;
}

bj::object side(const pg::QualifiedName& table, const std::vector<std::string>& columns,
                const std::string* constraint) {
  bj::object out;
  out["table"] = tableJson(table);
  bj::array names;
  for (const std::string& column : columns) names.emplace_back(column);
  out["columns"] = std::move(names);
  if (constraint != nullptr) out["constraint_name"] = *constraint;
  return out;
}

bj::object suggestion(const char* type, bj::object from, bj::object to) {
  bj::object out;
  out["type"] = type;
  out["from"] = std::move(from);
  out["to"] = std::move(to);
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> columns) {
  std::ranges::sort(columns);
  return columns;
}

// Whether a relationship of `table` to the table at `target` maps exactly these columns.
bool followed(const ResolvedTable& table, size_t target,
              const std::vector<std::pair<std::string, std::string>>& mapping) {
  auto wanted = mapping;
  std::ranges::sort(wanted);
  return std::ranges::any_of(table.relationships, [&](const ResolvedRelationship& relationship) {
    if (relationship.target != target) return false;
    auto have = relationship.mapping;
    std::ranges::sort(have);
    return have == wanted;
  });
}

}  // namespace

Result<SuggestRelationshipsArgs> parseSuggestRelationshipsArgs(const bj::value& value) {
  SuggestRelationshipsArgs out;
  if (value.is_null()) return out;
  if (!value.is_object()) {
    return std::unexpected(Error::parseFailed("expected Object").withPath("$.args"));
  }
  const bj::object& args = value.as_object();
  if (auto source = args.find("source"); source != args.end()) {
    if (!source->value().is_string()) {
      return std::unexpected(Error::parseFailed("expected String").withPath("$.args.source"));
    }
    out.source = std::string(source->value().as_string());
  }
  if (auto tables = args.find("tables"); tables != args.end() && !tables->value().is_null()) {
    if (!tables->value().is_array()) {
      return std::unexpected(Error::parseFailed("expected Array").withPath("$.args.tables"));
    }
    out.tables.emplace();
    const bj::array& names = tables->value().as_array();
    for (size_t i = 0; i < names.size(); ++i) {
      GRAFT_TRY(auto name, parseTableName(names[i], "$.args.tables[" + std::to_string(i) + "]"));
      out.tables->push_back(std::move(name));
    }
  }
  if (auto omit = args.find("omit_tracked"); omit != args.end()) {
    if (!omit->value().is_bool()) {
      return std::unexpected(
          Error::parseFailed("expected Boolean").withPath("$.args.omit_tracked"));
    }
    out.omit_tracked = omit->value().as_bool();
  }
  return out;
}

bj::value suggestRelationships(const ResolvedSource& source, const SuggestRelationshipsArgs& args) {
  std::map<std::pair<std::string, std::string>, size_t> tracked;
  for (size_t i = 0; i < source.tables.size(); ++i) {
    const pg::QualifiedName& name = source.tables[i].table->name;
    tracked.emplace(std::pair{name.schema, name.name}, i);
  }
  auto wanted = [&](const pg::QualifiedName& name) {
    return !args.tables || std::ranges::find(*args.tables, name) != args.tables->end();
  };
  bj::array suggestions;
  for (const ResolvedTable& table : source.tables) {
    const pg::Table& from = *table.table;
    for (const pg::ForeignKey& key : from.foreign_keys) {
      auto target = tracked.find({key.referenced.schema, key.referenced.name});
      if (target == tracked.end()) continue;
      if (!wanted(from.name) && !wanted(key.referenced)) continue;
      if (args.omit_tracked && followed(table, target->second, key.column_mapping)) continue;
      std::vector<std::string> ours;
      std::vector<std::string> theirs;
      for (const auto& [column, referenced] : key.column_mapping) {
        ours.push_back(column);
        theirs.push_back(referenced);
      }
      // One-to-one back when our columns are unique (a unique constraint; as in Hasura, the
      // primary key does not count).
      std::vector<std::string> ours_sorted = sorted(ours);
      bool unique = std::ranges::any_of(from.unique_constraints, [&](const pg::KeyConstraint& c) {
        return sorted(c.columns) == ours_sorted;
      });
      suggestions.emplace_back(suggestion("object", side(from.name, ours, &key.name),
                                          side(key.referenced, theirs, nullptr)));
      suggestions.emplace_back(suggestion(unique ? "object" : "array",
                                          side(key.referenced, theirs, nullptr),
                                          side(from.name, ours, &key.name)));
    }
  }
  bj::object out;
  out["relationships"] = std::move(suggestions);
  return out;
}

}  // namespace graft::metadata
