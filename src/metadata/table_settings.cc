#include "metadata/table_settings.h"

#include <boost/json/array.hpp>

#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

Result<std::string> requiredString(const bj::value& args, std::string_view key) {
  const auto& o = args.as_object();
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string() || it->value().as_string().empty()) {
    return std::unexpected(
        Error::parseFailed("key \"" + std::string(key) + "\" not found or not a non-empty String")
            .withPath("$.args"));
  }
  return std::string(it->value().as_string());
}

Status checkColumnsExist(const pg::Table& table, const bj::object& by_column,
                         const std::string& path) {
  for (const auto& [column, ignored] : by_column) {
    if (table.findColumn(column) == nullptr) {
      return std::unexpected(
          argsError("not-exists", "no such column exists: \"" + std::string(column) + "\"", path));
    }
  }
  return ok();
}

}  // namespace

Status setTableCustomization(bj::object& metadata, const pg::Catalog& catalog,
                             const bj::value& args, bool legacy) {
  GRAFT_TRY(TableRef ref, parseTableRef(args));
  GRAFT_TRY(bj::object * entry, findTrackedTable(metadata, ref));
  const pg::Table* table = catalog.findTable(ref.table);
  if (table == nullptr) {
    return std::unexpected(
        argsError("not-exists", "table " + quoted(ref.table) + " does not exist"));
  }
  const auto& a = args.as_object();
  bj::object configuration;
  if (legacy) {
    if (auto r = a.find("custom_root_fields"); r != a.end())
      configuration["custom_root_fields"] = r->value();
    if (auto c = a.find("custom_column_names"); c != a.end() && c->value().is_object()) {
      GRAFT_CHECK(checkColumnsExist(*table, c->value().as_object(), "$.args.custom_column_names"));
      configuration["custom_column_names"] = c->value();
      bj::object column_config;
      for (const auto& [column, name] : c->value().as_object()) {
        bj::object one;
        one["custom_name"] = name;
        column_config[column] = std::move(one);
      }
      configuration["column_config"] = std::move(column_config);
    }
  } else {
    auto c = a.find("configuration");
    if (c == a.end() || !c->value().is_object()) {
      return std::unexpected(Error::parseFailed("key \"configuration\" not found or not an Object")
                                 .withPath("$.args"));
    }
    configuration = c->value().as_object();
    for (const char* key : {"column_config", "custom_column_names"}) {
      if (auto cc = configuration.find(key); cc != configuration.end() && cc->value().is_object()) {
        GRAFT_CHECK(checkColumnsExist(*table, cc->value().as_object(),
                                      "$.args.configuration." + std::string(key)));
      }
    }
  }
  (*entry)["configuration"] = std::move(configuration);
  return ok();
}

Status setTableIsEnum(bj::object& metadata, const pg::Catalog& catalog, const bj::value& args) {
  GRAFT_TRY(TableRef ref, parseTableRef(args));
  GRAFT_TRY(bj::object * entry, findTrackedTable(metadata, ref));
  const auto& a = args.as_object();
  auto flag = a.find("is_enum");
  if (flag == a.end() || !flag->value().is_bool()) {
    return std::unexpected(
        Error::parseFailed("key \"is_enum\" not found or not a Boolean").withPath("$.args"));
  }
  if (!flag->value().as_bool()) {
    entry->erase("is_enum");
    return ok();
  }
  const pg::Table* table = catalog.findTable(ref.table);
  std::string why;
  if (table == nullptr) {
    why = "it does not exist";
  } else if (!table->primary_key || table->primary_key->columns.size() != 1) {
    why = "it must have a single-column primary key";
  } else if (table->findColumn(table->primary_key->columns[0])->type != "text") {
    why = "its primary key column must be of type text";
  } else if (table->columns.size() > 2) {
    why = "it may have at most one column besides its primary key (the description)";
  }
  if (!why.empty()) {
    return std::unexpected(argsError(
        "constraint-violation",
        "the table \"" + ref.table.display() + "\" cannot be used as an enum table: " + why));
  }
  (*entry)["is_enum"] = true;
  return ok();
}

Status renameRelationship(bj::object& metadata, const pg::Catalog& catalog, const bj::value& args) {
  GRAFT_TRY(TableRef ref, parseTableRef(args));
  GRAFT_TRY(bj::object * entry, findTrackedTable(metadata, ref));
  GRAFT_TRY(std::string name, requiredString(args, "name"));
  GRAFT_TRY(std::string new_name, requiredString(args, "new_name"));
  bj::object* rel = findRelationship(*entry, name);
  if (rel == nullptr) {
    return std::unexpected(argsError("not-exists", "relationship \"" + name + "\" does not exist"));
  }
  const pg::Table* table = catalog.findTable(ref.table);
  if (findRelationship(*entry, new_name) != nullptr ||
      (table != nullptr && table->findColumn(new_name) != nullptr)) {
    return std::unexpected(argsError("already-exists", "column/relationship \"" + new_name +
                                                           "\" of table \"" + ref.table.display() +
                                                           "\" already exists"));
  }
  (*rel)["name"] = new_name;
  return ok();
}

Status setRelationshipComment(bj::object& metadata, const bj::value& args) {
  GRAFT_TRY(TableRef ref, parseTableRef(args));
  GRAFT_TRY(bj::object * entry, findTrackedTable(metadata, ref));
  GRAFT_TRY(std::string name, requiredString(args, "relationship"));
  bj::object* rel = findRelationship(*entry, name);
  if (rel == nullptr) {
    return std::unexpected(argsError("not-exists", "relationship \"" + name + "\" does not exist"));
  }
  const auto& a = args.as_object();
  auto comment = a.find("comment");
  if (comment == a.end() || comment->value().is_null()) {
    rel->erase("comment");
  } else {
    (*rel)["comment"] = comment->value();
  }
  return ok();
}

}  // namespace graft::metadata
