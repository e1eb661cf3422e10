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

  // on_conflict needs a constraint to name.
  std::vector<const pg::KeyConstraint*> constraints;
  if (pg_table.primary_key) constraints.push_back(&*pg_table.primary_key);
  for (const pg::KeyConstraint& unique : pg_table.unique_constraints) {
    constraints.push_back(&unique);
  }
  if (!allowed.upsert) constraints.clear();
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
  bool any_numeric = false;
  for (uint32_t c = 0; c < info.columns.size(); ++c) {
    if (!allowed.update_columns[c]) continue;
    ensureScalar(scalars[c].name);
    set.inputField(info.columns[c].graphql_name, scalars[c].name);
    any_numeric = any_numeric || scalars[c].numeric;
  }
  if (any_numeric) {
    auto inc = builder_.inputObject(base + "_inc_input");
    inc.description("input type for incrementing numeric columns in table " + quoted);
    for (uint32_t c = 0; c < info.columns.size(); ++c) {
      if (allowed.update_columns[c] && scalars[c].numeric)
        inc.inputField(info.columns[c].graphql_name, scalars[c].name);
    }
  }
  auto arguments = [&](graphql::ArgumentsBuilder args) {
    if (any_numeric) {
      args.argument("_inc", base + "_inc_input",
                    "increments the numeric columns with given value of the filtered values");
    }
    args.argument("_set", base + "_set_input",
                  "sets the columns of the filtered rows to the given values");
    return args;
  };

  const metadata::CustomRootFields& custom = info.root_fields;
  arguments(mutationRoot().field(
                custom.update.name.value_or("update_" + base), base + "_mutation_response",
                custom.update.comment.value_or("update data of the table: " + quoted),
                tag({FieldKind::kUpdate, s, t})))
      .argument("where", base + "_bool_exp!", "filter the rows which have to be updated");
  if (!allowed.root_by_pk && !(admin() && pg_table.primary_key)) return;
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

}  // namespace graft::schema
