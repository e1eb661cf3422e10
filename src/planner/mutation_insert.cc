// Inserts: insert_<t> and insert_<t>_one, with the role's presets and check, on_conflict, and
// nested inserts through relationships.
//
// A nested insert takes two statements. The first inserts every row through data-modifying
// CTEs: the rows of an object relationship before the row that points to them (their keys
// fill its linking columns), the rows of an array relationship (or of an object relationship
// through the other table's foreign key, or whose manual configuration says after_parent)
// after it, with its key. It leaves the root rows and the number of rows inserted at every
// level in the transaction-local setting graft.mutation_<slot>. The second reads them back as
// the root table's rows and answers the field over them: unlike the first statement, it sees
// the rows the first one inserted, so that `returning` can follow relationships to them.
//
// Each level of the request (the root objects, then every relationship's rows) is one CTE
// (or one per run of rows linked alike), whatever the number of rows: Postgres plans
// thousands of CTEs very slowly. A row finds the one it links to by position: the VALUES list
// numbers the rows, INSERT ... SELECT ... ORDER BY that number inserts them in that order,
// and a linked row joins on (row_number() OVER () of the CTE) = (the position it was given).
// SQL does not promise that order, Postgres' executor does: ModifyTable takes the rows of
// its plan one at a time (here sorted by position, or a VALUES list's own order) and emits
// each one's RETURNING row before it takes the next; a CTE is materialised in that order,
// and a window with neither ORDER BY nor PARTITION BY over one scan of it numbers the rows as
// the scan reads them. Nothing runs an INSERT in parallel or in batches under RETURNING. An
// upsert may skip a row, shifting the positions after it: a level with on_conflict keeps a
// CTE per row (when anything links to its rows), whose only row is at position 1 if any.
#include <algorithm>

#include "pg/quote.h"
#include "planner/mutation_builder.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;
using graphql::NormalizedField;

namespace {

const bj::value kNoObject = bj::object{};

const bj::object& asObject(const bj::value& value) {
  static const bj::object kEmpty;
  return value.is_object() ? value.get_object() : kEmpty;
}

// Whether a relationship's rows go in after the row they hang from: an array relationship's,
// and an object relationship's when the other table's foreign key points at this one
// through the relationship's columns (a one-to-one relationship the other way), rather than
// this table's at the other.
// A manual relationship's insertion_order decides; without one, the foreign keys do.
bool insertsAfter(const pg::Table& table, const pg::Table& target,
                  const metadata::ResolvedRelationship& relationship) {
  if (relationship.is_array) return true;
  if (relationship.insertion_order) return *relationship.insertion_order == "after_parent";
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

// (SELECT row_number() OVER (), "cte"."k1", ... FROM "cte") AS "alias"("_o", "_k0", ...):
// the rows of a CTE by position, with the keys others link to.
sql::FromItem numbered(const std::string& cte, const std::vector<std::string>& keys,
                       const std::string& alias) {
  sql::Select select;
  select.items.push_back({sql::call(sql::FuncCall{.name = "row_number", .over = sql::Window{}})});
  std::vector<std::string> columns{"_o"};
  for (size_t i = 0; i < keys.size(); ++i) {
    select.items.push_back({sql::col(cte, keys[i])});
    columns.push_back("_k" + std::to_string(i));
  }
  select.from = sql::cte(cte);
  sql::FromItem item = sql::subselect(std::move(select), alias);
  item.columns = std::move(columns);
  return item;
}

// (SELECT "_q"."_k0" FROM <numbered> WHERE "_q"."_o" = position): the key of one row of a CTE,
// NULL when there is no such row (an upsert that did nothing).
sql::Expr keyOf(const std::string& cte, int64_t position, const std::string& key) {
  sql::Select select;
  select.items.push_back({sql::col("_q", "_k0")});
  select.from = numbered(cte, {key}, "_q");
  select.where = sql::op(sql::BinaryOp::kEq, sql::col("_q", "_o"), sql::integer(position));
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

  std::vector<InsertRow> root_rows;
  for (size_t i = 0; i < objects.size(); ++i) {
    std::string object_path = error_path + (one ? "" : "[" + std::to_string(i) + "]");
    root_rows.push_back({&asObject(objects[i]), {}, std::move(object_path)});
  }
  GRAFT_TRY(auto refs, insertNested(table_, std::move(root_rows), on_conflict, path + ".args",
                                    /*refs=*/false));
  // The CTEs holding the root rows, in the objects' order (each holds a run of them).
  std::vector<std::string> roots;
  for (const RowRef& ref : refs) {
    if (roots.empty() || roots.back() != ref.cte) roots.push_back(ref.cte);
  }
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
  // The number of the first guarded row that is missing: its CTE has fewer rows than its
  // position.
  std::vector<MutationStatement::Guard> guards;
  if (!guards_.empty()) {
    std::vector<sql::Case::When> whens;
    for (Guarded& guarded : guards_) {
      sql::Select count;
      count.items.push_back({sql::callStar("count")});
      count.from = sql::cte(guarded.row.cte);
      whens.push_back({sql::op(sql::BinaryOp::kLt, sql::subquery(std::move(count)),
                               sql::integer(guarded.row.position)),
                       sql::integer(static_cast<int64_t>(guards.size() + 1))});
      guards.push_back(std::move(guarded.guard));
    }
    writes.items.push_back({sql::case_(std::move(whens)), "__guard"});
  }
  out.push_back(MutationStatement{pg::Statement(sql::toSql(writes), query_.params().take()),
                                  pretty(writes), error_path, checked, std::move(guards)});

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

Result<std::vector<MutationBuilder::RowRef>> MutationBuilder::insertNested(
    uint32_t t, std::vector<InsertRow> rows, const bj::value* on_conflict,
    const std::string& holder, bool refs) {
  const metadata::ResolvedTable& table = query_.table(t);
  // A relationship's objects given with one row of this level.
  struct Nested {
    const metadata::ResolvedRelationship* relationship;
    const bj::object* spec;  // {data, on_conflict}
    std::string path;        // the relationship's
    size_t row;              // the row of this level
  };
  std::vector<Nested> before;  // rows to insert first, which this level's rows link to
  std::vector<Nested> after;   // rows to insert next, linked to this level's rows
  for (size_t i = 0; i < rows.size(); ++i) {
    const bj::object& object = *rows[i].object;
    std::vector<std::string> claimed;  // columns the rows inserted before this one fill
    for (const metadata::ResolvedRelationship& relationship : table.relationships) {
      const bj::value* given = object.if_contains(relationship.name);
      if (given == nullptr || !given->is_object()) continue;
      std::string relationship_path = rows[i].path + "." + relationship.name;
      const pg::Table& target = *query_.table(static_cast<uint32_t>(relationship.target)).table;
      if (insertsAfter(*table.table, target, relationship)) {
        after.push_back({&relationship, &given->get_object(), relationship_path, i});
        continue;
      }
      // The row it points to goes in first; its key fills this row's linking columns.
      std::string determined;
      for (const auto& [ours, theirs] : relationship.mapping) {
        const metadata::ResolvedColumn* resolved = table.findColumn(ours);
        bool set = resolved != nullptr && object.contains(resolved->graphql_name);
        for (const LinkedColumn& link : rows[i].links) set = set || link.column == ours;
        set = set || std::ranges::find(claimed, ours) != claimed.end();
        if (set) determined += (determined.empty() ? "\"" : ", \"") + ours + "\"";
      }
      if (!determined.empty()) {
        return std::unexpected(Error::validationFailed("cannot insert object relationship \"" +
                                                       relationship.name + "\" as " + determined +
                                                       " column values are already determined")
                                   .withPath(relationship_path));
      }
      for (const auto& [ours, theirs] : relationship.mapping) claimed.push_back(ours);
      before.push_back({&relationship, &given->get_object(), relationship_path, i});
    }
    // Columns the parent determines cannot be given too.
    std::string determined;
    for (const LinkedColumn& link : rows[i].links) {
      const metadata::ResolvedColumn* resolved = table.findColumn(link.column);
      if (resolved != nullptr && object.contains(resolved->graphql_name)) {
        determined += (determined.empty() ? "\"" : ", \"") + link.column + "\"";
      }
    }
    if (!determined.empty()) {
      return std::unexpected(Error::validationFailed("cannot insert " + determined +
                                                     " columns as their values are already "
                                                     "being determined by parent insert")
                                 .withPath(rows[i].path));
    }
  }

  // Inserts the objects `nested` give for one relationship, each `nested` with its on_conflict
  // apart, the others together; where each of `nested`'s objects went, in their order.
  auto insertRelated = [&](const std::vector<const Nested*>& nested,
                           const std::vector<std::vector<LinkedColumn>>& links)
      -> Result<std::vector<std::vector<RowRef>>> {
    const metadata::ResolvedRelationship& relationship = *nested.front()->relationship;
    uint32_t target = static_cast<uint32_t>(relationship.target);
    std::vector<std::vector<RowRef>> out(nested.size());
    std::vector<InsertRow> together;
    std::vector<size_t> owners;  // the `nested` each of `together` comes from
    for (size_t n = 0; n < nested.size(); ++n) {
      // The objects stay in the request, which outlives planning.
      const bj::value* data = nested[n]->spec->if_contains("data");
      std::vector<const bj::value*> objects;
      if (data != nullptr && data->is_array()) {
        for (const bj::value& object : data->get_array()) objects.push_back(&object);
      } else if (data != nullptr && !data->is_null()) {
        objects.push_back(data);  // a list of one, as GraphQL input coercion allows
      } else if (!relationship.is_array) {
        objects.push_back(&kNoObject);
      }
      std::vector<InsertRow> own;
      for (size_t i = 0; i < objects.size(); ++i) {
        std::string object_path = nested[n]->path + ".data" +
                                  (relationship.is_array ? "[" + std::to_string(i) + "]" : "");
        own.push_back({&asObject(*objects[i]), links[n], std::move(object_path)});
      }
      const bj::value* conflict = nested[n]->spec->if_contains("on_conflict");
      if (conflict != nullptr && conflict->is_object()) {
        if (own.empty()) continue;
        GRAFT_TRY(out[n], insertNested(target, std::move(own), conflict, nested[n]->path, true));
        continue;
      }
      for (InsertRow& row : own) {
        together.push_back(std::move(row));
        owners.push_back(n);
      }
    }
    if (together.empty()) return out;
    GRAFT_TRY(auto placed, insertNested(target, std::move(together), nullptr, "", true));
    for (size_t i = 0; i < placed.size(); ++i) out[owners[i]].push_back(placed[i]);
    return out;
  };
  // Groups `nested` by relationship, in the table's order of relationships.
  auto byRelationship = [&](const std::vector<Nested>& nested) {
    std::vector<std::vector<const Nested*>> groups;
    for (const metadata::ResolvedRelationship& relationship : table.relationships) {
      std::vector<const Nested*> group;
      for (const Nested& one : nested) {
        if (one.relationship == &relationship) group.push_back(&one);
      }
      if (!group.empty()) groups.push_back(std::move(group));
    }
    return groups;
  };

  for (const auto& group : byRelationship(before)) {
    GRAFT_TRY(auto placed,
              insertRelated(group, std::vector<std::vector<LinkedColumn>>(group.size())));
    for (size_t n = 0; n < group.size(); ++n) {
      if (placed[n].empty()) continue;
      const bj::value* conflict = group[n]->spec->if_contains("on_conflict");
      if (conflict != nullptr && conflict->is_object()) {
        const metadata::ResolvedRelationship& relationship = *group[n]->relationship;
        guard(placed[n].front(),
              "cannot proceed to insert object relation \"" + relationship.name +
                  "\" since insert to table \"" +
                  query_.table(static_cast<uint32_t>(relationship.target)).table->name.display() +
                  "\" affects zero rows",
              group[n]->path);
      }
      for (const auto& [ours, theirs] : group[n]->relationship->mapping) {
        rows[group[n]->row].links.push_back({ours, placed[n].front(), theirs});
      }
    }
  }

  // This level. Rows are linked alike when they take the same columns from the same CTEs.
  auto linkedAlike = [](const InsertRow& a, const InsertRow& b) {
    if (a.links.size() != b.links.size()) return false;
    if (a.links.empty()) return true;  // one INSERT ... VALUES takes any columns
    for (size_t i = 0; i < a.links.size(); ++i) {
      if (a.links[i].column != b.links[i].column || a.links[i].row.cte != b.links[i].row.cte ||
          a.links[i].key != b.links[i].key) {
        return false;
      }
    }
    std::vector<std::string> given_a, given_b;
    for (const auto& [key, value] : *a.object) given_a.emplace_back(key);
    for (const auto& [key, value] : *b.object) given_b.emplace_back(key);
    std::ranges::sort(given_a);
    std::ranges::sort(given_b);
    return given_a == given_b;
  };
  bool upsert = on_conflict != nullptr && on_conflict->is_object();
  bool own_ctes = upsert && rows.size() > 1 && (refs || !after.empty());
  std::vector<RowRef> placed;
  for (size_t start = 0; start < rows.size();) {
    size_t end = start + 1;
    while (end < rows.size() && !own_ctes && linkedAlike(rows[start], rows[end])) ++end;
    std::vector<InsertRow> run(rows.begin() + static_cast<ptrdiff_t>(start),
                               rows.begin() + static_cast<ptrdiff_t>(end));
    GRAFT_TRY(auto name, insertCte(t, run, on_conflict, holder));
    for (size_t i = start; i < end; ++i) {
      placed.push_back({name, static_cast<int64_t>(i - start + 1)});
    }
    start = end;
  }

  // Rows inserted after an upserted row need it to be there.
  if (upsert) {
    std::vector<size_t> parents;
    for (const Nested& one : after) {
      if (std::ranges::find(parents, one.row) != parents.end()) continue;
      parents.push_back(one.row);
      guard(placed[one.row],
            "cannot proceed to insert array relations since insert to table \"" +
                table.table->name.display() + "\" affects zero rows",
            rows[one.row].path);
    }
  }
  for (const auto& group : byRelationship(after)) {
    std::vector<std::vector<LinkedColumn>> links;
    for (const Nested* one : group) {
      std::vector<LinkedColumn> own;
      for (const auto& [ours, theirs] : one->relationship->mapping) {
        own.push_back({theirs, placed[one->row], ours});
      }
      links.push_back(std::move(own));
    }
    GRAFT_TRY(auto inserted, insertRelated(group, links));
    static_cast<void>(inserted);
  }
  return placed;
}

void MutationBuilder::guard(const RowRef& row, std::string message, std::string path) {
  guards_.push_back({row, {std::move(message), std::move(path)}});
}

Result<std::string> MutationBuilder::insertCte(uint32_t t, const std::vector<InsertRow>& rows,
                                               const bj::value* on_conflict,
                                               const std::string& holder) {
  std::string name = query_.alias();
  std::string alias = query_.alias();
  sql::Insert insert{.table = tableName(t)};
  if (rows.front().links.empty() || (on_conflict != nullptr && on_conflict->is_object())) {
    GRAFT_TRY(insert, insertStatement(t, alias, rows, on_conflict, holder));
  } else {
    GRAFT_TRY(insert, insertSelect(t, alias, rows));
  }
  nested_ctes_.push_back(sql::Cte{name, sql::Box(std::move(insert))});
  inserted_ctes_.emplace_back(t, name);
  return name;
}

Result<sql::Insert> MutationBuilder::insertSelect(uint32_t t, const std::string& alias,
                                                  const std::vector<InsertRow>& rows) {
  const metadata::ResolvedTable& table = query_.table(t);
  // Every row gives the same columns and links alike (REQUIRES at least one link): the first
  // row's, in the table's order.
  std::vector<const pg::Column*> columns;
  for (const metadata::ResolvedColumn& resolved : table.columns) {
    if (rows.front().object->contains(resolved.graphql_name)) columns.push_back(resolved.column);
  }
  // The CTEs the rows link to, each joined by the position it is given in column "_p<j>".
  std::vector<std::string> sources;
  std::vector<std::vector<std::string>> keys;
  std::vector<std::pair<size_t, size_t>> link_at;  // per link: (source, key)
  for (const LinkedColumn& link : rows.front().links) {
    auto found = std::ranges::find(sources, link.row.cte);
    size_t j = static_cast<size_t>(found - sources.begin());
    if (found == sources.end()) {
      sources.push_back(link.row.cte);
      keys.emplace_back();
    }
    keys[j].push_back(link.key);
    link_at.emplace_back(j, keys[j].size() - 1);
  }
  std::vector<std::string> names{"_o"};
  for (size_t j = 0; j < sources.size(); ++j) names.push_back("_p" + std::to_string(j));
  for (size_t c = 0; c < columns.size(); ++c) names.push_back("_c" + std::to_string(c));
  std::vector<std::vector<sql::Expr>> values;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<sql::Expr> row{sql::integer(static_cast<int64_t>(r + 1))};
    for (const std::string& source : sources) {
      auto link =
          std::ranges::find(rows[r].links, source, [](const LinkedColumn& l) { return l.row.cte; });
      row.push_back(sql::integer(link->row.position));
    }
    for (const pg::Column* c : columns) {
      const metadata::ResolvedColumn* resolved = table.findColumn(c->name);
      row.push_back(query_.value(rows[r].object->at(resolved->graphql_name), *c));
    }
    values.push_back(std::move(row));
  }

  sql::Insert insert{.table = tableName(t), .alias = alias};
  sql::Select select;
  for (size_t c = 0; c < columns.size(); ++c) {
    insert.columns.push_back(columns[c]->name);
    select.items.push_back({sql::col("_v", "_c" + std::to_string(c))});
  }
  for (size_t l = 0; l < link_at.size(); ++l) {
    insert.columns.push_back(rows.front().links[l].column);
    select.items.push_back({sql::col("_q" + std::to_string(link_at[l].first),
                                     "_k" + std::to_string(link_at[l].second))});
  }
  const metadata::RolePermissions* permissions = permissionsOf(t);
  if (permissions != nullptr && permissions->insert) {
    GRAFT_TRY(auto presets, presetValues(t, permissions->insert->set));
    for (const auto& [c, value] : presets) {
      if (std::ranges::find(insert.columns, c->name) != insert.columns.end()) continue;
      insert.columns.push_back(c->name);
      select.items.push_back({query_.value(value, *c)});
    }
  }
  select.from = sql::values(std::move(values), "_v", std::move(names));
  for (size_t j = 0; j < sources.size(); ++j) {
    std::string q = "_q" + std::to_string(j);
    // A row whose parent an upsert skipped stays out (the statement's guard then fails it as
    // a whole), rather than going in with a NULL link.
    select.joins.push_back(sql::innerJoin(
        numbered(sources[j], keys[j], q),
        sql::op(sql::BinaryOp::kEq, sql::col(q, "_o"), sql::col("_v", "_p" + std::to_string(j)))));
  }
  select.order_by.push_back(sql::asc(sql::col("_v", "_o")));
  insert.select = std::move(select);
  return insert;
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
        values.emplace_back(keyOf(link->row.cte, link->row.position, link->key));
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
