#include "metadata/data_insert.h"

#include <boost/json/serialize.hpp>
#include <set>

#include "common/json.h"
#include "metadata/table_commands.h"
#include "pg/json_text.h"
#include "pg/quote.h"

namespace graft::metadata {

namespace bj = boost::json;

Result<InsertCommand> buildInsert(const bj::object& metadata, const pg::Catalog& catalog,
                                  const bj::value& args) {
  if (!args.is_object()) {
    return std::unexpected(Error::parseFailed("expected Object").withPath("$.args"));
  }
  const bj::object& a = args.as_object();
  InsertCommand command;
  auto table_arg = a.find("table");
  if (table_arg == a.end()) {
    return std::unexpected(Error::parseFailed("key \"table\" not found").withPath("$.args"));
  }
  GRAFT_TRY(command.table, parseTableName(table_arg->value(), "$.args.table"));
  if (auto source = a.find("source"); source != a.end() && source->value().is_string()) {
    command.source = source->value().as_string();
  }
  TableRef ref{command.source, command.table};
  GRAFT_CHECK(findTrackedTable(const_cast<bj::object&>(metadata), ref));
  const pg::Table* table = catalog.findTable(command.table);
  if (table == nullptr) {
    return std::unexpected(
        argsError("not-exists", "table " + quoted(command.table) + " does not exist"));
  }
  auto objects = a.find("objects");
  if (objects == a.end() || !objects->value().is_array()) {
    return std::unexpected(
        Error::parseFailed("key \"objects\" not found or not an Array").withPath("$.args"));
  }

  // The union of the objects' keys, in first-seen order; a key an object lacks is DEFAULT.
  std::vector<const pg::Column*> columns;
  std::set<std::string> seen;
  const bj::array& rows = objects->value().as_array();
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].is_object()) {
      return std::unexpected(Error::parseFailed("expected Object")
                                 .withPath("$.args.objects[" + std::to_string(i) + "]"));
    }
    for (const auto& [key, value] : rows[i].as_object()) {
      const pg::Column* column = table->findColumn(key);
      if (column == nullptr) {
        return std::unexpected(
            Error::validationFailed("column \"" + std::string(key) + "\" does not exist")
                .withPath("$.args.objects[" + std::to_string(i) + "]." + std::string(key)));
      }
      if (seen.insert(std::string(key)).second) columns.push_back(column);
    }
  }
  std::vector<const pg::Column*> returning;
  if (auto ret = a.find("returning"); ret != a.end() && ret->value().is_array()) {
    for (const bj::value& name : ret->value().as_array()) {
      const pg::Column* column = name.is_string() ? table->findColumn(name.as_string()) : nullptr;
      if (column == nullptr) {
        return std::unexpected(
            Error::validationFailed("no such column exists: " + bj::serialize(name))
                .withPath("$.args.returning"));
      }
      returning.push_back(column);
    }
  }

  std::string target = pg::quoteQualified(command.table.schema, command.table.name);
  std::string sql = "WITH \"_ins\" AS (INSERT INTO " + target;
  std::vector<std::optional<std::string>> params;
  if (rows.empty()) {
    sql = "WITH \"_ins\" AS (SELECT * FROM " + target + " WHERE false";
  } else if (columns.empty()) {
    // Only one row can take every default in a single statement.
    if (rows.size() > 1) {
      return std::unexpected(
          Error::notSupported("several rows of only default values").withPath("$.args.objects"));
    }
    sql += " DEFAULT VALUES";
  } else {
    sql += " (";
    for (size_t c = 0; c < columns.size(); ++c) {
      sql += (c > 0 ? ", " : "") + pg::quoteIdentifier(columns[c]->name);
    }
    sql += ") VALUES ";
    for (size_t r = 0; r < rows.size(); ++r) {
      const bj::object& row = rows[r].as_object();
      sql += r > 0 ? ", (" : "(";
      for (size_t c = 0; c < columns.size(); ++c) {
        if (c > 0) sql += ", ";
        auto value = row.find(columns[c]->name);
        if (value == row.end()) {
          sql += "DEFAULT";
          continue;
        }
        params.push_back(pg::columnText(value->value(), *columns[c]));
        sql += "($" + std::to_string(params.size()) +
               ")::" + pg::quoteQualified(columns[c]->type_name.schema, columns[c]->type_name.name);
      }
      sql += ")";
    }
  }
  if (!rows.empty()) sql += " RETURNING *";
  sql += ") SELECT count(*), ";
  if (returning.empty()) {
    sql += "'[]'::json";
  } else {
    sql += "coalesce(json_agg(row_to_json((SELECT \"_r\" FROM (SELECT ";
    for (size_t c = 0; c < returning.size(); ++c) {
      sql +=
          (c > 0 ? ", " : "") + std::string("\"_ins\".") + pg::quoteIdentifier(returning[c]->name);
    }
    sql += ") AS \"_r\"))), '[]')";
  }
  sql += " FROM \"_ins\"";
  command.statement = pg::Statement(std::move(sql), std::move(params));
  return command;
}

Result<bj::value> insertResponse(const pg::QueryResult& result) {
  if (result.rows() != 1) return std::unexpected(Error::unexpected("insert returned no row"));
  auto returning = json::parse(result.value(0, 1));
  if (!returning) return std::unexpected(returning.error());
  bj::object out;
  out["affected_rows"] = std::stol(std::string(result.value(0, 0)));
  out["returning"] = std::move(*returning);
  return bj::value(std::move(out));
}

}  // namespace graft::metadata
