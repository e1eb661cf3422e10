#include "metadata/relationship_commands.h"

#include <boost/json/array.hpp>

#include "metadata/table_commands.h"

namespace graft::metadata {

namespace bj = boost::json;

namespace {

// An array relationship's foreign_key_constraint_on that is not {table, column(s)}.
Error arrayForeignKeyShape() {
  return Error::parseFailed("Expecting object { table, columns }.")
      .withPath("$.args.using.foreign_key_constraint_on");
}

Result<std::vector<std::string>> columnList(const bj::value& v, const std::string& path) {
  std::vector<std::string> out;
  if (v.is_string()) {
    out.emplace_back(v.as_string());
  } else if (v.is_array()) {
    for (const auto& c : v.as_array()) {
      if (!c.is_string()) break;
      out.emplace_back(c.as_string());
    }
  }
  if (out.empty()) {
    return std::unexpected(
        Error::parseFailed("expected a column name or a list of them").withPath(path));
  }
  return out;
}

Status checkColumns(const pg::Table& table, const std::vector<std::string>& columns) {
  for (const auto& c : columns) {
    if (table.findColumn(c) == nullptr) {
      return std::unexpected(argsError("not-exists", "no such column exists: \"" + c + "\""));
    }
  }
  return ok();
}

// A foreign key of `from` whose own columns are exactly `columns` and that points at `to`
// (when given).
const pg::ForeignKey* foreignKeyOn(const pg::Table& from, const std::vector<std::string>& columns,
                                   const pg::QualifiedName* to) {
  for (const auto& fk : from.foreign_keys) {
    if (fk.column_mapping.size() != columns.size()) continue;
    if (to != nullptr && !(fk.referenced == *to)) continue;
    bool same = true;
    for (size_t i = 0; i < columns.size() && same; ++i) {
      bool found = false;
      for (const auto& [ours, theirs] : fk.column_mapping) found |= ours == columns[i];
      same = found;
    }
    if (same) return &fk;
  }
  return nullptr;
}

}  // namespace

Result<RelationshipTarget> resolveUsing(const bj::object& source, const pg::Catalog& catalog,
                                        const pg::Table& table, RelationshipKind kind,
                                        const bj::value& using_) {
  if (!using_.is_object()) {
    return std::unexpected(Error::parseFailed("expected Object").withPath("$.args.using"));
  }
  const auto& u = using_.as_object();
  if (auto fk = u.find("foreign_key_constraint_on"); fk != u.end()) {
    const bj::value& on = fk->value();
    bool remote = on.is_object() && on.as_object().contains("table");
    if (!remote) {
      if (kind == RelationshipKind::kArray) {
        return std::unexpected(arrayForeignKeyShape());
      }
      const bj::value& cols =
          on.is_object() && on.as_object().contains("columns") ? on.as_object().at("columns") : on;
      GRAFT_TRY(auto columns, columnList(cols, "$.args.using.foreign_key_constraint_on"));
      GRAFT_CHECK(checkColumns(table, columns));
      const pg::ForeignKey* key = foreignKeyOn(table, columns, nullptr);
      if (key == nullptr) {
        return std::unexpected(
            argsError("constraint-error", "no foreign constraint exists on the given column(s)"));
      }
      return RelationshipTarget{key->referenced, key->column_mapping, true};
    }
    // The foreign key lives on the other table and points back at this one.
    const auto& o = on.as_object();
    GRAFT_TRY(auto other_name,
              parseTableName(o.at("table"), "$.args.using.foreign_key_constraint_on.table"));
    const bj::value* cols = o.contains("columns")  ? &o.at("columns")
                            : o.contains("column") ? &o.at("column")
                                                   : nullptr;
    if (cols == nullptr) {
      return std::unexpected(Error::parseFailed("key \"column\" or \"columns\" not found")
                                 .withPath("$.args.using.foreign_key_constraint_on"));
    }
    GRAFT_TRY(auto columns, columnList(*cols, "$.args.using.foreign_key_constraint_on"));
    if (trackedEntry(source, other_name) == nullptr) {
      return std::unexpected(
          argsError("not-exists", "table " + quoted(other_name) + " does not exist"));
    }
    const pg::Table* other = catalog.findTable(other_name);
    if (other == nullptr) {
      return std::unexpected(
          argsError("not-exists", "table " + quoted(other_name) + " does not exist"));
    }
    GRAFT_CHECK(checkColumns(*other, columns));
    const pg::ForeignKey* key = foreignKeyOn(*other, columns, &table.name);
    if (key == nullptr) {
      return std::unexpected(
          argsError("constraint-error", "no foreign constraint exists on the given column(s)"));
    }
    RelationshipTarget target{other_name, {}};
    for (const auto& [theirs, ours] : key->column_mapping)
      target.mapping.emplace_back(ours, theirs);
    return target;
  }
  if (auto manual = u.find("manual_configuration"); manual != u.end()) {
    if (!manual->value().is_object()) {
      return std::unexpected(
          Error::parseFailed("expected Object").withPath("$.args.using.manual_configuration"));
    }
    const auto& m = manual->value().as_object();
    auto remote = m.find("remote_table");
    auto mapping = m.find("column_mapping");
    if (remote == m.end() || mapping == m.end() || !mapping->value().is_object()) {
      return std::unexpected(
          Error::parseFailed("manual_configuration needs remote_table and column_mapping")
              .withPath("$.args.using.manual_configuration"));
    }
    GRAFT_TRY(auto remote_name,
              parseTableName(remote->value(), "$.args.using.manual_configuration.remote_table"));
    const pg::Table* other = catalog.findTable(remote_name);
    if (other == nullptr || trackedEntry(source, remote_name) == nullptr) {
      return std::unexpected(
          argsError("not-exists", "table " + quoted(remote_name) + " does not exist"));
    }
    RelationshipTarget target{remote_name, {}};
    for (const auto& [ours, theirs] : mapping->value().as_object()) {
      if (table.findColumn(ours) == nullptr) {
        return std::unexpected(
            argsError("not-exists", "no such column exists: \"" + std::string(ours) + "\""));
      }
      if (!theirs.is_string() || other->findColumn(theirs.as_string()) == nullptr) {
        return std::unexpected(
            argsError("not-exists", "no such column exists in " + quoted(remote_name)));
      }
      target.mapping.emplace_back(std::string(ours), std::string(theirs.as_string()));
    }
    if (auto order = m.find("insertion_order"); order != m.end() && order->value().is_string()) {
      std::string text(order->value().as_string());
      if (text != "before_parent" && text != "after_parent") {
        return std::unexpected(
            Error::parseFailed("insertion_order must be before_parent or after_parent")
                .withPath("$.args.using.manual_configuration.insertion_order"));
      }
      target.insertion_order = std::move(text);
    }
    return target;
  }
  return std::unexpected(
      Error::parseFailed("expected foreign_key_constraint_on or manual_configuration")
          .withPath("$.args.using"));
}

namespace {

// Table references spelled as bare names become {schema, name}, as Hasura stores them.
bj::value normalizedUsing(const bj::value& using_) {
  bj::value out = using_;
  auto normalize = [](bj::value& ref) {
    if (auto name = parseTableName(ref, "$")) {
      bj::object o;
      o["schema"] = name->schema;
      o["name"] = name->name;
      ref = std::move(o);
    }
  };
  if (!out.is_object()) return out;
  auto& u = out.as_object();
  if (auto fk = u.find("foreign_key_constraint_on");
      fk != u.end() && fk->value().is_object() && fk->value().as_object().contains("table")) {
    normalize(fk->value().as_object()["table"]);
  }
  if (auto m = u.find("manual_configuration");
      m != u.end() && m->value().is_object() && m->value().as_object().contains("remote_table")) {
    normalize(m->value().as_object()["remote_table"]);
  }
  return out;
}

}  // namespace

std::vector<pg::QualifiedName> relationshipTables(const CreateRelationshipArgs& args) {
  std::vector<pg::QualifiedName> tables = {args.table};
  if (!args.using_.is_object()) return tables;
  for (const auto& [method, key] : {std::pair{"foreign_key_constraint_on", "table"},
                                    std::pair{"manual_configuration", "remote_table"}}) {
    auto body = args.using_.as_object().find(method);
    if (body == args.using_.as_object().end() || !body->value().is_object()) continue;
    auto remote = body->value().as_object().find(key);
    if (remote == body->value().as_object().end()) continue;
    if (auto name = parseTableName(remote->value(), "$")) tables.push_back(std::move(*name));
  }
  return tables;
}

Result<CreateRelationshipArgs> parseCreateRelationshipArgs(const bj::value& value) {
  if (!value.is_object()) {
    return std::unexpected(Error::parseFailed("expected Object").withPath("$.args"));
  }
  const auto& args = value.as_object();
  auto name = args.find("name");
  auto using_ = args.find("using");
  if (!args.contains("table") || name == args.end() || using_ == args.end()) {
    return std::unexpected(
        Error::parseFailed("the keys \"table\", \"name\" and \"using\" are required")
            .withPath("$.args"));
  }
  GRAFT_TRY(TableRef ref, parseTableRef(value));
  CreateRelationshipArgs out;
  out.source = std::move(ref.source);
  out.table = std::move(ref.table);
  if (!name->value().is_string() || name->value().as_string().empty()) {
    return std::unexpected(
        Error::parseFailed("expected a non-empty String").withPath("$.args.name"));
  }
  out.name = std::string(name->value().as_string());
  out.using_ = using_->value();
  if (auto c = args.find("comment"); c != args.end()) out.comment = c->value();
  return out;
}

Result<DropRelationshipArgs> parseDropRelationshipArgs(const bj::value& value) {
  if (!value.is_object()) {
    return std::unexpected(Error::parseFailed("expected Object").withPath("$.args"));
  }
  const auto& args = value.as_object();
  auto rel = args.find("relationship");
  if (!args.contains("table") || rel == args.end() || !rel->value().is_string()) {
    return std::unexpected(
        Error::parseFailed("the keys \"table\" and \"relationship\" are required")
            .withPath("$.args"));
  }
  GRAFT_TRY(TableRef ref, parseTableRef(value));
  DropRelationshipArgs out;
  out.source = std::move(ref.source);
  out.table = std::move(ref.table);
  out.relationship = std::string(rel->value().as_string());
  if (auto c = args.find("cascade"); c != args.end() && c->value().is_bool()) {
    out.cascade = c->value().as_bool();
  }
  return out;
}

Status createRelationship(bj::object& metadata, const pg::Catalog& catalog, RelationshipKind kind,
                          const CreateRelationshipArgs& args) {
  // Hasura reads the definition before it looks for the table.
  if (kind == RelationshipKind::kArray && args.using_.is_object()) {
    auto fk = args.using_.as_object().find("foreign_key_constraint_on");
    if (fk != args.using_.as_object().end() &&
        !(fk->value().is_object() && fk->value().as_object().contains("table"))) {
      return std::unexpected(arrayForeignKeyShape());
    }
  }
  GRAFT_TRY(bj::object * source, findSourceEntry(metadata, args.source));
  bj::object* entry = trackedEntry(*source, args.table);
  const pg::Table* table = catalog.findTable(args.table);
  if (entry == nullptr || table == nullptr) {
    return std::unexpected(
        argsError("not-exists", "table " + quoted(args.table) + " does not exist", "$.args.table"));
  }
  if (table->findColumn(args.name) != nullptr || findRelationship(*entry, args.name) != nullptr) {
    return std::unexpected(argsError("already-exists", "column/relationship \"" + args.name +
                                                           "\" of table " + quoted(args.table) +
                                                           " already exists"));
  }
  GRAFT_CHECK(resolveUsing(*source, catalog, *table, kind, args.using_));
  bj::object rel;
  rel["name"] = args.name;
  rel["using"] = normalizedUsing(args.using_);
  if (!args.comment.is_null()) rel["comment"] = args.comment;
  const char* key =
      kind == RelationshipKind::kObject ? "object_relationships" : "array_relationships";
  if (!entry->contains(key) || !(*entry)[key].is_array()) (*entry)[key] = bj::array();
  (*entry)[key].as_array().push_back(std::move(rel));
  return ok();
}

Status dropRelationship(bj::object& metadata, const DropRelationshipArgs& args) {
  GRAFT_TRY(bj::object * source, findSourceEntry(metadata, args.source));
  bj::object* entry = trackedEntry(*source, args.table);
  if (entry == nullptr) {
    return std::unexpected(
        argsError("not-exists", "table " + quoted(args.table) + " does not exist", "$.args.table"));
  }
  for (const char* key : {"object_relationships", "array_relationships"}) {
    auto it = entry->find(key);
    if (it == entry->end() || !it->value().is_array()) continue;
    auto& rels = it->value().as_array();
    for (auto r = rels.begin(); r != rels.end(); ++r) {
      if (r->is_object() && r->as_object().contains("name") &&
          r->as_object().at("name") == bj::value(args.relationship)) {
        rels.erase(r);
        if (rels.empty()) entry->erase(key);
        return ok();
      }
    }
  }
  return std::unexpected(
      argsError("not-exists", "relationship \"" + args.relationship + "\" does not exist"));
}

}  // namespace graft::metadata
