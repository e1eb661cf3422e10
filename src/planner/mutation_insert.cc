// Inserts: insert_<t> and insert_<t>_one, with the role's presets and check, on_conflict, and
// nested inserts through relationships.
//
// A nested insert takes two statements. The first inserts every row as a data-modifying CTE:
// the rows of an object relationship before the row that points to them (their keys fill
// its linking columns through (SELECT "key" FROM "cte")), the rows of an array relationship
// (or of an object relationship through the other table's foreign key) after it, an object
// that has such children in a CTE of its own so that they can name its row. It leaves the
// root rows and the number of rows inserted at every level in the transaction-local setting
// graft.mutation_<slot>. The second reads them back as the root table's rows and answers the
// field over them: unlike the first statement, it sees the rows the first one inserted, so
// that `returning` can follow relationships to them.
#include <algorithm>

#include "pg/quote.h"
#include "planner/mutation_builder.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;
using graphql::NormalizedField;

namespace {

const bj::object& asObject(const bj::value& value) {
  static const bj::object kEmpty;
  return value.is_object() ? value.get_object() : kEmpty;
}

// Whether an object relationship's row goes in after the row it hangs from: when the other
// table's foreign key points at this one through the relationship's columns (a one-to-one
// relationship the other way), rather than this table's at the other.
bool insertsAfter(const pg::Table& table, const pg::Table& target,
                  const metadata::ResolvedRelationship& relationship) {
  auto covers = [&](const pg::Table& from, const pg::Table& to, bool reversed) {
    for (const pg::ForeignKey& key : from.foreign_keys) {
      if (key.referenced.schema != to.name.schema || key.referenced.name != to.name.name ||
          key.column_mapping.size() != relationship.mapping.size()) {
        continue;
      }
      bool all = true;
      for (const auto& [ours, theirs] : relationship.mapping) {
        std::pair<std::string, std::string> wanted =
            reversed ? std::pair(theirs, ours) : std::pair(ours, theirs);
        all = all && std::ranges::find(key.column_mapping, wanted) != key.column_mapping.end();
      }
      if (all) return true;
    }
    return false;
  };
  if (covers(table, target, false)) return false;
  return covers(target, table, true);
}

// (SELECT "column" FROM "cte"): the key of the one row a CTE inserted.
sql::Expr keyOf(const std::string& cte, const std::string& column) {
  sql::Select select;
  select.items.push_back({sql::col(cte, column)});
  select.from = sql::cte(cte);
  return sql::subquery(std::move(select));
}

// SELECT <item> FROM "a" UNION ALL SELECT <item> FROM "b" ...; REQUIRES names not empty.
sql::Select unionOf(const std::vector<std::string>& names, const sql::Expr& item) {
  sql::Select all;
  for (size_t i = 0; i < names.size(); ++i) {
    sql::Select one;
    one.items.push_back({item});
    one.from = sql::cte(names[i]);
    if (i == 0) {
      all = std::move(one);
    } else {
      all.union_all.emplace_back(std::move(one));
    }
  }
  return all;
}

}  // namespace

Result<std::vector<MutationStatement>> MutationBuilder::insert(const NormalizedField& field,
                                                               bool one, const std::string& path) {
  bj::array objects;
  if (one) {
    objects.push_back(query_.argument(field, "object").value_or(bj::object{}));
  } else if (auto given = query_.argument(field, "objects"); given && given->is_array()) {
    objects = given->get_array();
  } else if (given && given->is_object()) {
    objects.push_back(*given);  // a list of one, as GraphQL input coercion allows
  }
  std::optional<bj::value> conflict = query_.argument(field, "on_conflict");
  const bj::value* on_conflict = conflict ? &*conflict : nullptr;
  std::string error_path = path + (one ? ".args.object" : ".args.objects");
  std::vector<MutationStatement> out;
  if (objects.empty()) {
    // No row to insert: nothing is touched, and INSERT needs at least one row.
    sql::Select none;
    none.items.push_back({sql::star()});
    none.from = sql::table(pg_table_->name.schema, pg_table_->name.name);
    none.where = sql::false_();
    GRAFT_TRY(auto statement, this->statement(std::move(none), field, !one, error_path));
    out.push_back(std::move(statement));
    return out;
  }
  if (permissions_ != nullptr && permissions_->insert) check_ = permissions_->insert->check;
  if (!hasRelationships(table_, objects)) {
    std::vector<InsertRow> rows;
    for (const bj::value& object : objects) rows.push_back({&asObject(object), {}});
    GRAFT_TRY(auto insert, insertStatement(table_, alias_, rows, on_conflict, path + ".args"));
    GRAFT_TRY(auto statement, this->statement(std::move(insert), field, !one, error_path));
    out.push_back(std::move(statement));
    return out;
  }

  GRAFT_TRY(auto roots, insertNested(table_, objects, {}, on_conflict, error_path, !one));
  // The first statement: every insert, then the rows and their count into the setting.
  sql::Select writes;
  writes.with = std::move(nested_ctes_);
  std::vector<std::string> all;
  for (const auto& [t, name] : inserted_ctes_) all.push_back(name);
  sql::Select count;
  count.items.push_back({sql::callStar("count")});
  count.from = sql::subselect(unionOf(all, sql::integer(1)), "_c");
  sql::Select rows;
  rows.items.push_back({sql::call(
      "coalesce",
      {sql::call("json_agg", {sql::call("row_to_json", {sql::wholeRow("_r")})}), sql::str("[]")})});
  rows.from = sql::subselect(unionOf(roots, sql::star()), "_r");
  sql::Expr stash =
      sql::call("json_build_object", {sql::str("affected_rows"), sql::subquery(std::move(count)),
                                      sql::str("rows"), sql::subquery(std::move(rows))});
  writes.items.push_back({sql::call(
      "set_config", {sql::str(settingName()), sql::cast(std::move(stash), "text"), sql::true_()})});
  // The nested tables' checks over their rows (the root's is the second statement's).
  std::vector<sql::Expr> checks;
  for (const auto& [t, name] : inserted_ctes_) {
    if (std::ranges::find(roots, name) != roots.end()) continue;
    const metadata::RolePermissions* permissions = permissionsOf(t);
    if (permissions == nullptr || !permissions->insert) continue;
    const bj::value& check = permissions->insert->check;
    if (check.is_null() || (check.is_object() && check.get_object().empty())) continue;
    GRAFT_TRY(auto condition, query_.permissionExp(t, "_r", check));
    sql::Select over;
    over.items.push_back({sql::call("bool_and", {std::move(condition)})});
    over.from = sql::cte(name, std::string("_r"));
    checks.push_back(sql::subquery(std::move(over)));
  }
  bool checked = !checks.empty();
  if (checked) writes.items.push_back({sql::and_(std::move(checks)), "__check"});
  out.push_back(MutationStatement{pg::Statement(sql::toSql(writes), query_.params().take()),
                                  sql::toPrettySql(writes), error_path, checked});

  // The second: the root rows back from the setting, as the table's row type.
  sql::Expr stashed = sql::cast(setting(), "json");
  sql::Select inserted;
  inserted.items.push_back({sql::star()});
  std::string row_type =
      pg::quoteIdentifier(pg_table_->name.schema) + "." + pg::quoteIdentifier(pg_table_->name.name);
  inserted.from = sql::function("pg_catalog", "json_populate_recordset",
                                {sql::cast(sql::null(), row_type),
                                 sql::call("json_extract_path", {stashed, sql::str("rows")})},
                                "_p");
  affected_rows_ = sql::cast(
      sql::call("json_extract_path_text", {stashed, sql::str("affected_rows")}), "integer");
  GRAFT_TRY(auto answer, statement(std::move(inserted), field, !one, error_path));
  out.push_back(std::move(answer));
  return out;
}

bool MutationBuilder::hasRelationships(uint32_t t, const bj::array& objects) const {
  for (const metadata::ResolvedRelationship& relationship : query_.table(t).relationships) {
    for (const bj::value& object : objects) {
      const bj::value* given = asObject(object).if_contains(relationship.name);
      if (given != nullptr && !given->is_null()) return true;
    }
  }
  return false;
}

Result<std::vector<std::string>> MutationBuilder::insertNested(
    uint32_t t, const bj::array& objects, const std::vector<LinkedColumn>& links,
    const bj::value* on_conflict, const std::string& path, bool indexed) {
  const metadata::ResolvedTable& table = query_.table(t);
  struct Child {
    const metadata::ResolvedRelationship* relationship;
    const bj::object* spec;  // {data, on_conflict}
    std::string path;
  };
  // Per object: its links, and the relationships whose rows go in after it.
  std::vector<std::vector<LinkedColumn>> row_links(objects.size(), links);
  std::vector<std::vector<Child>> children(objects.size());
  bool own_ctes = false;
  for (size_t i = 0; i < objects.size(); ++i) {
    const bj::object& object = asObject(objects[i]);
    std::string object_path = path + (indexed ? "[" + std::to_string(i) + "]" : "");
    for (const metadata::ResolvedRelationship& relationship : table.relationships) {
      const bj::value* given = object.if_contains(relationship.name);
      if (given == nullptr || !given->is_object()) continue;
      std::string relationship_path = object_path + "." + relationship.name;
      const pg::Table& target = *query_.table(static_cast<uint32_t>(relationship.target)).table;
      if (relationship.is_array || insertsAfter(*table.table, target, relationship)) {
        children[i].push_back({&relationship, &given->get_object(), relationship_path});
        own_ctes = true;
        continue;
      }
      // The row it points to goes in first; its key fills this row's linking columns.
      std::string determined;
      for (const auto& [ours, theirs] : relationship.mapping) {
        const metadata::ResolvedColumn* resolved = table.findColumn(ours);
        bool set = resolved != nullptr && object.contains(resolved->graphql_name);
        for (const LinkedColumn& link : row_links[i]) set = set || link.column == ours;
        if (set) determined += (determined.empty() ? "\"" : ", \"") + ours + "\"";
      }
      if (!determined.empty()) {
        return std::unexpected(Error::validationFailed("cannot insert object relationship \"" +
                                                       relationship.name + "\" as " + determined +
                                                       " column values are already determined")
                                   .withPath(relationship_path));
      }
      const bj::object& spec = given->get_object();
      bj::array data{spec.contains("data") ? spec.at("data") : bj::value(bj::object{})};
      GRAFT_TRY(auto parents, insertNested(static_cast<uint32_t>(relationship.target), data, {},
                                           spec.if_contains("on_conflict"),
                                           relationship_path + ".data", /*indexed=*/false));
      for (const auto& [ours, theirs] : relationship.mapping) {
        row_links[i].push_back({ours, keyOf(parents.front(), theirs)});
      }
    }
    // Columns the parent determines cannot be given too.
    std::string determined;
    for (const LinkedColumn& link : links) {
      const metadata::ResolvedColumn* resolved = table.findColumn(link.column);
      if (resolved != nullptr && object.contains(resolved->graphql_name)) {
        determined += (determined.empty() ? "\"" : ", \"") + link.column + "\"";
      }
    }
    if (!determined.empty()) {
      return std::unexpected(Error::validationFailed("cannot insert " + determined +
                                                     " columns as their values are already "
                                                     "being determined by parent insert")
                                 .withPath(object_path));
    }
  }

  // on_conflict sits beside the objects (`args.objects`, `<relationship>.data`).
  std::string holder = path.substr(0, path.rfind('.'));
  auto addCte = [&](const std::vector<InsertRow>& rows) -> Result<std::string> {
    std::string name = query_.alias();
    GRAFT_TRY(auto insert, insertStatement(t, query_.alias(), rows, on_conflict, holder));
    nested_ctes_.push_back(sql::Cte{name, sql::Box(std::move(insert))});
    inserted_ctes_.emplace_back(t, name);
    return name;
  };
  std::vector<std::string> names;
  if (!own_ctes) {  // one INSERT of every object
    std::vector<InsertRow> rows;
    for (size_t i = 0; i < objects.size(); ++i) {
      rows.push_back({&asObject(objects[i]), std::move(row_links[i])});
    }
    GRAFT_TRY(auto name, addCte(rows));
    names.push_back(std::move(name));
    return names;
  }
  for (size_t i = 0; i < objects.size(); ++i) {
    std::vector<InsertRow> rows;
    rows.push_back({&asObject(objects[i]), std::move(row_links[i])});
    GRAFT_TRY(auto name, addCte(rows));
    for (const Child& child : children[i]) {
      std::vector<LinkedColumn> child_links;
      for (const auto& [ours, theirs] : child.relationship->mapping) {
        child_links.push_back({theirs, keyOf(name, ours)});
      }
      bj::array data;
      if (const bj::value* given = child.spec->if_contains("data")) {
        if (given->is_array()) {
          data = given->get_array();
        } else {
          data.push_back(*given);
        }
      }
      if (data.empty()) continue;
      GRAFT_TRY(auto inserted, insertNested(static_cast<uint32_t>(child.relationship->target), data,
                                            child_links, child.spec->if_contains("on_conflict"),
                                            child.path + ".data", child.relationship->is_array));
      static_cast<void>(inserted);
    }
    names.push_back(std::move(name));
  }
  return names;
}

Result<sql::Insert> MutationBuilder::insertStatement(uint32_t t, const std::string& alias,
                                                     const std::vector<InsertRow>& rows,
                                                     const bj::value* on_conflict,
                                                     const std::string& path) {
  const metadata::ResolvedTable& table = query_.table(t);
  // The columns any object sets, in the table's order; the others take their default.
  std::vector<const pg::Column*> columns;
  for (const metadata::ResolvedColumn& resolved : table.columns) {
    bool set = false;
    for (const InsertRow& row : rows) set = set || row.object->contains(resolved.graphql_name);
    if (set) columns.push_back(resolved.column);
  }
  // Then the columns linked to other rows of the statement.
  std::vector<std::string> linked;
  for (const InsertRow& row : rows) {
    for (const LinkedColumn& link : row.links) {
      if (std::ranges::find(linked, link.column) == linked.end()) linked.push_back(link.column);
    }
  }
  sql::Insert insert{.table = tableName(t), .alias = alias};
  if (columns.empty() && linked.empty()) {
    // Every row all defaults: one column given as DEFAULT keeps VALUES valid for many rows.
    for (const metadata::ResolvedColumn& resolved : table.columns) {
      if (!resolved.column->generated && resolved.column->identity != 'a') {
        columns.push_back(resolved.column);
        break;
      }
    }
  }
  // The role's presets: columns it cannot set take these values in every row.
  const metadata::RolePermissions* permissions = permissionsOf(t);
  std::vector<std::pair<const pg::Column*, bj::value>> presets;
  if (permissions != nullptr && permissions->insert) {
    GRAFT_TRY(presets, presetValues(t, permissions->insert->set));
    std::erase_if(presets, [&](const auto& preset) {
      return std::ranges::find(linked, preset.first->name) != linked.end();
    });
  }
  for (const pg::Column* c : columns) insert.columns.push_back(c->name);
  for (const std::string& name : linked) insert.columns.push_back(name);
  for (const auto& [c, value] : presets) insert.columns.push_back(c->name);
  for (const InsertRow& row : rows) {
    std::vector<std::optional<sql::Expr>> values;
    for (const pg::Column* c : columns) {
      const metadata::ResolvedColumn* resolved = table.findColumn(c->name);
      const bj::value* given = row.object->if_contains(resolved->graphql_name);
      if (given == nullptr) {
        values.emplace_back(std::nullopt);
      } else {
        values.emplace_back(query_.value(*given, *c));
      }
    }
    for (const std::string& name : linked) {
      auto link = std::ranges::find(row.links, name, &LinkedColumn::column);
      if (link == row.links.end()) {
        values.emplace_back(std::nullopt);
      } else {
        values.emplace_back(link->value);
      }
    }
    for (const auto& [c, value] : presets) values.emplace_back(query_.value(value, *c));
    insert.rows.push_back(std::move(values));
  }
  if (on_conflict != nullptr && on_conflict->is_object()) {
    GRAFT_TRY(insert.on_conflict,
              onConflict(t, alias, on_conflict->get_object(), path + ".on_conflict"));
  }
  return insert;
}

Result<sql::OnConflict> MutationBuilder::onConflict(uint32_t t, const std::string& alias,
                                                    const bj::object& spec,
                                                    const std::string& path) {
  const bj::value* constraint = spec.if_contains("constraint");
  if (constraint == nullptr || !constraint->is_string()) {
    return std::unexpected(
        Error::validationFailed("missing required field 'constraint'").withPath(path));
  }
  sql::OnConflict on{.constraint = std::string(constraint->get_string())};
  if (const bj::value* names = spec.if_contains("update_columns")) {
    bj::array list = names->is_array() ? names->get_array() : bj::array{*names};
    for (const bj::value& name : list) {
      if (!name.is_string()) continue;
      if (const pg::Column* c = column(t, std::string(name.get_string()))) {
        on.update_columns.push_back(c->name);
      }
    }
  }
  if (const bj::value* where = spec.if_contains("where");
      where != nullptr && !where->is_null() && !on.update_columns.empty()) {
    GRAFT_TRY(on.where, query_.boolExp(t, alias, *where, path + ".where"));
  }
  // An upsert updates only the rows the role's update permission lets it.
  const metadata::RolePermissions* permissions = permissionsOf(t);
  if (!on.update_columns.empty() && permissions != nullptr && permissions->update) {
    GRAFT_TRY(on.where,
              withPermissionFilter(t, alias, std::move(on.where), permissions->update->filter));
  }
  return on;
}

}  // namespace graft::planner
