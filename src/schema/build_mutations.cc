// mutation_root: insert, update and delete fields of a table with their input and response
// types, as Hasura names and describes them, limited to what the role may write.

#include "schema/builder.h"

namespace graft::schema {

graphql::TypeBuilder RoleSchemaBuilder::mutationRoot() {
  if (auto root = builder_.existing("mutation_root")) return *root;
  any_mutation_ = true;
  return builder_.object("mutation_root");
}

// Postgres refuses values for generated columns and for identity columns GENERATED ALWAYS.
bool RoleSchemaBuilder::writable(const pg::Column& column) {
  return !column.generated && column.identity != 'a';
}

// Whether insert_<t> takes on_conflict: a role that may also update, and a constraint to name.
bool RoleSchemaBuilder::upsertable(uint32_t s, uint32_t t) const {
  const pg::Table& pg_table = *table(s, t).table;
  return access(s, t).upsert &&
         (pg_table.primary_key.has_value() || !pg_table.unique_constraints.empty());
}

// The insert, update and delete fields of one table on mutation_root, with the input and
// response types they take, as Hasura names and describes them.
void RoleSchemaBuilder::addMutations(uint32_t s, uint32_t t, const std::string& base,
                                     const std::string& quoted,
                                     const std::vector<ScalarInfo>& scalars) {
  const metadata::ResolvedTable& info = table(s, t);
  const pg::Table& pg_table = *info.table;
  const TableAccess& allowed = access(s, t);
  // The *_by_pk fields return the row, which the role must be able to select by its key.
  bool by_pk = allowed.root_by_pk || (admin() && pg_table.primary_key.has_value());
  if (!allowed.insert && !allowed.update && !allowed.delete_) return;

  auto response = builder_.object(base + "_mutation_response");
  response.description("response of any mutation on the table " + quoted);
  response.field("affected_rows", "Int!", "number of rows affected by the mutation",
                 tag({FieldKind::kAffectedRows, s, t}));
  if (allowed.select) {
    response.field("returning", "[" + base + "!]!", "data from the rows affected by the mutation",
                   tag({FieldKind::kReturning, s, t}));
  }

  const metadata::CustomRootFields& custom = info.root_fields;
  auto field = [&](const metadata::CustomRootField& name, const std::string& fallback,
                   const std::string& type, const std::string& description, FieldKind kind) {
    return mutationRoot().field(name.name.value_or(fallback), type,
                                name.comment.value_or(description), tag({kind, s, t}));
  };
  auto pkArguments = [&](graphql::ArgumentsBuilder args) {
    for (const std::string& key : pg_table.primary_key->columns) {
      const metadata::ResolvedColumn* column = info.findColumn(key);
      if (column == nullptr) continue;
      args.argument(column->graphql_name, scalarOf(*column->column).name + "!");
    }
  };

  if (allowed.delete_) {
    field(custom.delete_, "delete_" + base, base + "_mutation_response",
          "delete data from the table: " + quoted, FieldKind::kDelete)
        .argument("where", base + "_bool_exp!", "filter the rows which have to be deleted");
    if (by_pk) {
      pkArguments(field(custom.delete_by_pk, "delete_" + base + "_by_pk", base,
                        "delete single row from the table: " + quoted, FieldKind::kDeleteByPk));
    }
  }
  if (allowed.insert) addInsert(s, t, base, quoted, scalars);
  if (allowed.update) addUpdate(s, t, base, quoted, scalars);
}

void RoleSchemaBuilder::addInsert(uint32_t s, uint32_t t, const std::string& base,
                                  const std::string& quoted,
                                  const std::vector<ScalarInfo>& scalars) {
  const metadata::ResolvedTable& info = table(s, t);
  const pg::Table& pg_table = *info.table;
  const TableAccess& allowed = access(s, t);
  auto input = builder_.inputObject(base + "_insert_input");
  input.description("input type for inserting data into table " + quoted);
  for (uint32_t c = 0; c < info.columns.size(); ++c) {
    if (!allowed.insert_columns[c]) continue;
    ensureScalar(scalars[c].name);
    input.inputField(info.columns[c].graphql_name, scalars[c].name);
  }
  // Nested inserts, through the relationships to tables the role may insert into.
  for (const metadata::ResolvedRelationship& relationship : info.relationships) {
    auto target = static_cast<uint32_t>(relationship.target);
    if (!access(s, target).insert) continue;
    const metadata::ResolvedTable& target_info = table(s, target);
    std::string target_base = baseName(target_info);
    std::string kind = relationship.is_array ? "arr" : "obj";
    std::string type = target_base + "_" + kind + "_rel_insert_input";
    input.inputField(relationship.name, type);
    if (builder_.existing(type)) continue;
    auto nested = builder_.inputObject(type);
    nested.description("input type for inserting " +
                       std::string(relationship.is_array ? "array" : "object") +
                       " relation for remote table " + quotedTable(target_info));
    nested.inputField("data", relationship.is_array ? "[" + target_base + "_insert_input!]!"
                                                    : target_base + "_insert_input!");
    if (upsertable(s, target)) {
      nested.inputField("on_conflict", target_base + "_on_conflict", "upsert condition");
    }
  }

  // on_conflict needs a constraint to name.
  std::vector<const pg::KeyConstraint*> constraints;
  if (upsertable(s, t)) {
    if (pg_table.primary_key) constraints.push_back(&*pg_table.primary_key);
    for (const pg::KeyConstraint& unique : pg_table.unique_constraints) {
      constraints.push_back(&unique);
    }
  }
  if (!constraints.empty()) {
    auto constraint = builder_.enumType(base + "_constraint");
    constraint.description("unique or primary key constraints on table " + quoted);
    for (const pg::KeyConstraint* key : constraints) {
      std::string on;
      for (const std::string& column : key->columns) {
        on += (on.empty() ? "\"" : ", \"") + column + "\"";
      }
      constraint.value(key->name, "unique or primary key constraint on columns " + on);
    }
    auto update_column = builder_.enumType(base + "_update_column");
    update_column.description("update columns of table " + quoted);
    for (uint32_t c = 0; c < info.columns.size(); ++c) {
      if (allowed.update_columns[c])
        update_column.value(info.columns[c].graphql_name, "column name");
    }
    builder_.inputObject(base + "_on_conflict")
        .description("on_conflict condition type for table " + quoted)
        .inputField("constraint", base + "_constraint!")
        .inputField("update_columns", "[" + base + "_update_column!]!", {}, "[]")
        .inputField("where", base + "_bool_exp");
  }

  const metadata::CustomRootFields& custom = info.root_fields;
  auto many = mutationRoot().field(
      custom.insert.name.value_or("insert_" + base), base + "_mutation_response",
      custom.insert.comment.value_or("insert data into the table: " + quoted),
      tag({FieldKind::kInsert, s, t}));
  many.argument("objects", "[" + base + "_insert_input!]!", "the rows to be inserted");
  if (!constraints.empty()) many.argument("on_conflict", base + "_on_conflict", "upsert condition");
  if (!allowed.select) return;  // insert_<t>_one returns the row
  auto one = mutationRoot().field(
      custom.insert_one.name.value_or("insert_" + base + "_one"), base,
      custom.insert_one.comment.value_or("insert a single row into the table: " + quoted),
      tag({FieldKind::kInsertOne, s, t}));
  one.argument("object", base + "_insert_input!", "the row to be inserted");
  if (!constraints.empty()) one.argument("on_conflict", base + "_on_conflict", "upsert condition");
}

void RoleSchemaBuilder::addUpdate(uint32_t s, uint32_t t, const std::string& base,
                                  const std::string& quoted,
                                  const std::vector<ScalarInfo>& scalars) {
  const metadata::ResolvedTable& info = table(s, t);
  const pg::Table& pg_table = *info.table;
  const TableAccess& allowed = access(s, t);
  auto set = builder_.inputObject(base + "_set_input");
  set.description("input type for updating data in table " + quoted);
  bool any_numeric = false, any_jsonb = false;
  for (uint32_t c = 0; c < info.columns.size(); ++c) {
    if (!allowed.update_columns[c]) continue;
    ensureScalar(scalars[c].name);
    set.inputField(info.columns[c].graphql_name, scalars[c].name);
    any_numeric = any_numeric || scalars[c].numeric;
    any_jsonb = any_jsonb || scalars[c].name == "jsonb";
  }
  if (any_numeric) {
    auto inc = builder_.inputObject(base + "_inc_input");
    inc.description("input type for incrementing numeric columns in table " + quoted);
    for (uint32_t c = 0; c < info.columns.size(); ++c) {
      if (allowed.update_columns[c] && scalars[c].numeric)
        inc.inputField(info.columns[c].graphql_name, scalars[c].name);
    }
  }
  // The jsonb operators: argument, input type suffix, description, the type of a column's value.
  struct JsonbOperator {
    const char* argument;
    const char* suffix;
    const char* description;
    const char* type;
  };
  static constexpr JsonbOperator kJsonbOperators[] = {
      {"_append", "_append_input",
       "append existing jsonb value of filtered columns with new jsonb value", "jsonb"},
      {"_delete_at_path", "_delete_at_path_input",
       "delete the field or element with specified path (for JSON arrays, negative integers "
       "count from the end)",
       "[String!]"},
      {"_delete_elem", "_delete_elem_input",
       "delete the array element with specified index (negative integers count from the end). "
       "throws an error if top level container is not an array",
       "Int"},
      {"_delete_key", "_delete_key_input",
       "delete key/value pair or string element. key/value pairs are matched based on their key "
       "value",
       "String"},
      {"_prepend", "_prepend_input",
       "prepend existing jsonb value of filtered columns with new jsonb value", "jsonb"},
  };
  if (any_jsonb) {
    ensureScalar("Int");
    ensureScalar("String");
    for (const JsonbOperator& op : kJsonbOperators) {
      auto input = builder_.inputObject(base + op.suffix);
      input.description(op.description);
      for (uint32_t c = 0; c < info.columns.size(); ++c) {
        if (allowed.update_columns[c] && scalars[c].name == "jsonb")
          input.inputField(info.columns[c].graphql_name, op.type);
      }
    }
  }
  // The operators, in Hasura's (alphabetical) order, on a field or an input object.
  auto operators = [&](auto&& add) {
    if (any_jsonb) {
      for (const JsonbOperator& op : kJsonbOperators) {
        if (std::string_view(op.argument) == "_prepend") {
          if (any_numeric) {
            add("_inc", base + "_inc_input",
                "increments the numeric columns with given value of the filtered values");
          }
        }
        add(op.argument, base + op.suffix, op.description);
      }
    } else if (any_numeric) {
      add("_inc", base + "_inc_input",
          "increments the numeric columns with given value of the filtered values");
    }
    add("_set", base + "_set_input", "sets the columns of the filtered rows to the given values");
  };
  auto arguments = [&](graphql::ArgumentsBuilder args) {
    operators([&](const std::string& name, const std::string& type, const std::string& about) {
      args.argument(name, type, about);
    });
    return args;
  };

  const metadata::CustomRootFields& custom = info.root_fields;
  arguments(mutationRoot().field(
                custom.update.name.value_or("update_" + base), base + "_mutation_response",
                custom.update.comment.value_or("update data of the table: " + quoted),
                tag({FieldKind::kUpdate, s, t})))
      .argument("where", base + "_bool_exp!", "filter the rows which have to be updated");
  if (allowed.root_by_pk || (admin() && pg_table.primary_key)) {
    auto pk = builder_.inputObject(base + "_pk_columns_input");
    pk.description("primary key columns input for table: " + pg_table.name.display());
    for (const std::string& key : pg_table.primary_key->columns) {
      const metadata::ResolvedColumn* column = info.findColumn(key);
      if (column == nullptr) continue;
      pk.inputField(column->graphql_name, scalarOf(*column->column).name + "!");
    }
    arguments(mutationRoot().field(
                  custom.update_by_pk.name.value_or("update_" + base + "_by_pk"), base,
                  custom.update_by_pk.comment.value_or("update single row of the table: " + quoted),
                  tag({FieldKind::kUpdateByPk, s, t})))
        .argument("pk_columns", base + "_pk_columns_input!");
  }
  // update_<t>_many: updates applied in order, each as <t>_updates.
  auto updates = builder_.inputObject(base + "_updates");
  operators([&](const std::string& name, const std::string& type, const std::string& about) {
    updates.inputField(name, type, about);
  });
  updates.inputField("where", base + "_bool_exp!", "filter the rows which have to be updated");
  mutationRoot()
      .field(custom.update_many.name.value_or("update_" + base + "_many"),
             "[" + base + "_mutation_response]",
             custom.update_many.comment.value_or("update multiples rows of table: " + quoted),
             tag({FieldKind::kUpdateMany, s, t}))
      .argument("updates", "[" + base + "_updates!]!", "updates to execute, in order");
}

}  // namespace graft::schema
