// Generates a role's GraphQL schema from the resolved metadata, with Hasura's names, types
// and descriptions (query_root, <table>, <table>_by_pk, <table>_aggregate, <table>_bool_exp,
// <table>_order_by, <Scalar>_comparison_exp, ...).
#include <set>

#include "graphql/schema_builder.h"
#include "schema/context.h"
#include "schema/scalars.h"

namespace graft::schema {

std::string_view aggregateOperatorName(AggregateOperator op) {
  static constexpr std::string_view kNames[] = {"sum",      "avg",        "max",         "min",
                                                "stddev",   "stddev_pop", "stddev_samp", "var_pop",
                                                "var_samp", "variance"};
  return kNames[static_cast<int>(op)];
}

class RoleSchemaBuilder {
 public:
  RoleSchemaBuilder(std::shared_ptr<const metadata::Resolved> resolved, std::string role)
      : out_(new RoleSchema()) {
    out_->role_ = std::move(role);
    out_->resolved_ = std::move(resolved);
  }

  Result<std::shared_ptr<const RoleSchema>> build() {
    const metadata::Resolved& resolved = *out_->resolved_;
    builder_.object("query_root");
    out_->names_.resize(resolved.sources.size());
    for (uint32_t s = 0; s < resolved.sources.size(); ++s) {
      const metadata::ResolvedSource& source = resolved.sources[s];
      out_->names_[s].resize(source.tables.size());
      // Until permissions are built, a role other than admin is allowed nothing.
      if (out_->role_ != "admin") continue;
      for (uint32_t t = 0; t < source.tables.size(); ++t) addTable(s, t);
    }
    if (!any_root_field_) {
      builder_.existing("query_root")
          ->field("no_queries_available", "String!", {}, tag({FieldKind::kPlaceholder}));
    }
    addOrderByEnum();
    builder_.setRootTypes("query_root", any_mutation_ ? "mutation_root" : "");
    GRAFT_TRY(out_->schema_, builder_.build());
    return std::shared_ptr<const RoleSchema>(std::move(out_));
  }

 private:
  uint64_t tag(FieldInfo info) {
    out_->fields_.push_back(info);
    return out_->fields_.size();
  }

  const metadata::ResolvedTable& table(uint32_t s, uint32_t t) const {
    return out_->resolved_->sources[s].tables[t];
  }

  // Hasura's default: the table name in public, <schema>_<table> elsewhere.
  static std::string baseName(const metadata::ResolvedTable& table) {
    if (table.custom_name) return *table.custom_name;
    const pg::QualifiedName& name = table.table->name;
    return name.schema == "public" ? name.name : name.schema + "_" + name.name;
  }

  static std::string quotedTable(const metadata::ResolvedTable& table) {
    return "\"" + table.table->name.display() + "\"";
  }

  // The GraphQL enum `<t>_enum` of an enum table, made once; false when the table has no value
  // that can be an enum value (the column then keeps its scalar type).
  bool ensureEnum(const metadata::ResolvedTable& enum_table) {
    std::string name = baseName(enum_table) + "_enum";
    if (scalars_.contains(name)) return true;
    std::vector<const metadata::EnumTableValue*> values;
    for (const metadata::EnumTableValue& value : enum_table.enum_values) {
      bool valid = !value.value.empty() && !(value.value[0] >= '0' && value.value[0] <= '9') &&
                   value.value != "true" && value.value != "false" && value.value != "null";
      for (char c : value.value) {
        valid = valid && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '_');
      }
      if (valid) values.push_back(&value);
    }
    if (values.empty()) return false;
    scalars_.insert(name);
    auto type = builder_.enumType(name);
    for (const metadata::EnumTableValue* value : values) {
      type.value(value->value, value->description.value_or(""));
    }
    return true;
  }

  void ensureScalar(const std::string& name) {
    if (isBuiltinScalar(name) || !scalars_.insert(name).second) return;
    builder_.scalar(name);
  }

  // <S>_comparison_exp, once per scalar.
  std::string comparisonType(const ScalarInfo& scalar) {
    std::string name = scalar.name + "_comparison_exp";
    if (!comparisons_.insert(name).second) return name;
    ensureScalar(scalar.name);
    auto exp = builder_.inputObject(name);
    exp.description("Boolean expression to compare columns of type \"" + scalar.name +
                    "\". All fields are combined with logical 'AND'.");
    const std::string& s = scalar.name;
    if (scalar.enumeration) {
      exp.inputField("_eq", s).inputField("_in", "[" + s + "!]").inputField("_is_null", "Boolean");
      exp.inputField("_neq", s).inputField("_nin", "[" + s + "!]");
      return name;
    }
    if (scalar.jsonb) {
      exp.inputField("_contained_in", s, "is the column contained in the given json value");
      exp.inputField("_contains", s,
                     "does the column contain the given json value at the top level");
    }
    exp.inputField("_eq", s).inputField("_gt", s).inputField("_gte", s);
    if (scalar.jsonb) {
      exp.inputField("_has_key", "String",
                     "does the string exist as a top-level key in the column");
      exp.inputField("_has_keys_all", "[String!]",
                     "do all of these strings exist as top-level keys in the column");
      exp.inputField("_has_keys_any", "[String!]",
                     "do any of these strings exist as top-level keys in the column");
    }
    if (scalar.text) {
      exp.inputField("_ilike", s, "does the column match the given case-insensitive pattern");
    }
    exp.inputField("_in", "[" + s + "!]");
    if (scalar.text) {
      exp.inputField("_iregex", s,
                     "does the column match the given POSIX regular expression, case insensitive");
    }
    exp.inputField("_is_null", "Boolean");
    if (scalar.text) exp.inputField("_like", s, "does the column match the given pattern");
    exp.inputField("_lt", s).inputField("_lte", s).inputField("_neq", s);
    if (scalar.text) {
      exp.inputField("_nilike", s, "does the column NOT match the given case-insensitive pattern");
    }
    exp.inputField("_nin", "[" + s + "!]");
    if (scalar.text) {
      exp.inputField("_niregex", s,
                     "does the column NOT match the given POSIX regular expression, case "
                     "insensitive");
      exp.inputField("_nlike", s, "does the column NOT match the given pattern");
      exp.inputField("_nregex", s,
                     "does the column NOT match the given POSIX regular expression, case "
                     "sensitive");
      exp.inputField("_nsimilar", s, "does the column NOT match the given SQL regular expression");
      exp.inputField("_regex", s,
                     "does the column match the given POSIX regular expression, case sensitive");
      exp.inputField("_similar", s, "does the column match the given SQL regular expression");
    }
    if (s == "geometry" || s == "geography") addSpatialOperators(s, name);
    if (s == "ltree") addLtreeOperators(name);
    return name;
  }

  // PostGIS operators, taking and comparing GeoJSON values.
  void addSpatialOperators(const std::string& type, const std::string& exp_name) {
    bool geometry = type == "geometry";
    std::string other = geometry ? "geography" : "geometry";
    std::string within = geometry ? "st_d_within_input" : "st_d_within_geography_input";
    if (!scalars_.contains(within)) {
      scalars_.insert(within);
      auto input = builder_.inputObject(within);
      input.inputField("distance", "Float!").inputField("from", type + "!");
      if (!geometry) input.inputField("use_spheroid", "Boolean", {}, "true");
    }
    std::string cast = type + "_cast_exp";
    builder_.inputObject(cast).inputField(other, other + "_comparison_exp");
    ScalarInfo other_scalar;
    other_scalar.name = other;
    comparisonType(other_scalar);
    auto exp = *builder_.existing(exp_name);
    exp.inputField("_cast", cast);
    exp.inputField("_st_d_within", within,
                   "is the column within a given distance from the given "
                   "geometry value");
    exp.inputField("_st_intersects", type, "does the column spatially intersect the given value");
    if (!geometry) return;
    exp.inputField("_st_3d_d_within", "st_d_within_input",
                   "is the column within a given 3D distance from the given geometry value");
    exp.inputField("_st_3d_intersects", type,
                   "does the column spatially intersect the given geometry value in 3D");
    exp.inputField("_st_contains", type, "does the column contain the given geometry value");
    exp.inputField("_st_crosses", type, "does the column cross the given geometry value");
    exp.inputField("_st_equals", type,
                   "is the column equal to given geometry value (directionality is ignored)");
    exp.inputField("_st_overlaps", type,
                   "does the column 'spatially overlap' (intersect but not completely contain) the "
                   "given geometry value");
    exp.inputField(
        "_st_touches", type,
        "does the column have atleast one point in common with the given geometry value");
    exp.inputField("_st_within", type, "is the column contained in the given geometry value");
  }

  // ltree's ancestor, descendant and query operators.
  void addLtreeOperators(const std::string& exp_name) {
    ensureScalar("lquery");
    ensureScalar("ltxtquery");
    auto exp = *builder_.existing(exp_name);
    exp.inputField("_ancestor", "ltree", "is the left argument an ancestor of right (or equal)?");
    exp.inputField("_ancestor_any", "[ltree!]", "does array contain an ancestor of `ltree`?");
    exp.inputField("_descendant", "ltree",
                   "is the left argument a descendant of right (or equal)?");
    exp.inputField("_descendant_any", "[ltree!]", "does array contain a descendant of `ltree`?");
    exp.inputField("_matches", "lquery", "does `ltree` match `lquery`?");
    exp.inputField("_matches_any", "[String!]", "does `ltree` match any `lquery` in array?");
    exp.inputField("_matches_fulltext", "ltxtquery", "does `ltree` match `ltxtquery`?");
  }

  void addOrderByEnum() {
    builder_.enumType("order_by")
        .description("column ordering options")
        .value("asc", "in ascending order, nulls last")
        .value("asc_nulls_first", "in ascending order, nulls first")
        .value("asc_nulls_last", "in ascending order, nulls last")
        .value("desc", "in descending order, nulls first")
        .value("desc_nulls_first", "in descending order, nulls first")
        .value("desc_nulls_last", "in descending order, nulls last");
  }

  // distinct_on, limit, offset, order_by, where: the arguments of every list of rows.
  static void listArguments(graphql::ArgumentsBuilder args, const std::string& base) {
    args.argument("distinct_on", "[" + base + "_select_column!]", "distinct select on columns")
        .argument("limit", "Int", "limit the number of rows returned")
        .argument("offset", "Int", "skip the first n rows. Use only with order_by")
        .argument("order_by", "[" + base + "_order_by!]", "sort the rows by one or more columns")
        .argument("where", base + "_bool_exp", "filter the rows returned");
  }

  void addTable(uint32_t s, uint32_t t) {
    const metadata::ResolvedTable& info = table(s, t);
    std::string base = baseName(info);
    std::string quoted = quotedTable(info);
    TableNames& names = out_->names_[s][t];

    // The row type.
    auto row = builder_.object(base);
    row.description(info.table->comment ? *info.table->comment
                                        : "columns and relationships of " + quoted);
    std::vector<ScalarInfo> scalars;
    for (uint32_t c = 0; c < info.columns.size(); ++c) {
      const metadata::ResolvedColumn& column = info.columns[c];
      ScalarInfo scalar = scalarOf(*column.column);
      if (column.enum_table) {
        const metadata::ResolvedTable& enum_table =
            table(s, static_cast<uint32_t>(*column.enum_table));
        if (ensureEnum(enum_table))
          scalar = ScalarInfo{baseName(enum_table) + "_enum", false, false, false, false, true};
      }
      ensureScalar(scalar.name);
      names.columns.emplace(column.graphql_name, c);
      row.field(column.graphql_name, scalar.name + (column.column->nullable ? "" : "!"),
                column.comment.value_or(""), tag({FieldKind::kColumn, s, t, c}));
      scalars.push_back(std::move(scalar));
    }
    for (uint32_t r = 0; r < info.relationships.size(); ++r) {
      const metadata::ResolvedRelationship& rel = info.relationships[r];
      std::string target = baseName(table(s, static_cast<uint32_t>(rel.target)));
      names.relationships.emplace(rel.name, r);
      if (!rel.is_array) {
        row.field(rel.name, target + (rel.nullable ? "" : "!"),
                  rel.comment.value_or("An object relationship"),
                  tag({FieldKind::kObjectRelationship, s, t, r}));
        continue;
      }
      listArguments(
          row.field(rel.name, "[" + target + "!]!", rel.comment.value_or("An array relationship"),
                    tag({FieldKind::kArrayRelationship, s, t, r})),
          target);
      listArguments(row.field(rel.name + "_aggregate", target + "_aggregate!",
                              rel.comment.value_or("An aggregate relationship"),
                              tag({FieldKind::kArrayAggregate, s, t, r})),
                    target);
    }

    // <base>_select_column
    auto select_column = builder_.enumType(base + "_select_column");
    select_column.description("select columns of table " + quoted);
    for (const metadata::ResolvedColumn& column : info.columns) {
      select_column.value(column.graphql_name, "column name");
    }

    // <base>_bool_exp
    auto bool_exp = builder_.inputObject(base + "_bool_exp");
    bool_exp.description("Boolean expression to filter rows from the table " + quoted +
                         ". All fields are combined with a logical 'AND'.");
    bool_exp.inputField("_and", "[" + base + "_bool_exp!]")
        .inputField("_not", base + "_bool_exp")
        .inputField("_or", "[" + base + "_bool_exp!]");
    for (uint32_t c = 0; c < info.columns.size(); ++c) {
      bool_exp.inputField(info.columns[c].graphql_name, comparisonType(scalars[c]));
    }
    for (const metadata::ResolvedRelationship& rel : info.relationships) {
      bool_exp.inputField(rel.name,
                          baseName(table(s, static_cast<uint32_t>(rel.target))) + "_bool_exp");
    }

    // <base>_order_by
    auto order_by = builder_.inputObject(base + "_order_by");
    order_by.description("Ordering options when selecting data from " + quoted + ".");
    for (const metadata::ResolvedColumn& column : info.columns) {
      order_by.inputField(column.graphql_name, "order_by");
    }
    for (const metadata::ResolvedRelationship& rel : info.relationships) {
      std::string target = baseName(table(s, static_cast<uint32_t>(rel.target)));
      if (rel.is_array) {
        order_by.inputField(rel.name + "_aggregate", target + "_aggregate_order_by");
      } else {
        order_by.inputField(rel.name, target + "_order_by");
      }
    }

    addAggregateTypes(s, t, base, quoted, scalars);
    addMutations(s, t, base, quoted, scalars);

    // Root fields.
    const metadata::CustomRootFields& custom = info.root_fields;
    any_root_field_ = true;
    listArguments(
        builder_.existing("query_root")
            ->field(custom.select.name.value_or(base), "[" + base + "!]!",
                    custom.select.comment.value_or("fetch data from the table: " + quoted),
                    tag({FieldKind::kSelect, s, t})),
        base);
    listArguments(builder_.existing("query_root")
                      ->field(custom.select_aggregate.name.value_or(base + "_aggregate"),
                              base + "_aggregate!",
                              custom.select_aggregate.comment.value_or(
                                  "fetch aggregated fields from the table: " + quoted),
                              tag({FieldKind::kSelectAggregate, s, t})),
                  base);
    if (info.table->primary_key) {
      auto by_pk =
          builder_.existing("query_root")
              ->field(custom.select_by_pk.name.value_or(base + "_by_pk"), base,
                      custom.select_by_pk.comment.value_or("fetch data from the table: " + quoted +
                                                           " using primary key columns"),
                      tag({FieldKind::kSelectByPk, s, t}));
      for (const std::string& key : info.table->primary_key->columns) {
        const metadata::ResolvedColumn* column = info.findColumn(key);
        if (column == nullptr) continue;
        by_pk.argument(column->graphql_name, scalarOf(*column->column).name + "!");
      }
    }
  }

  // mutation_root, made on first use.
  graphql::TypeBuilder mutationRoot() {
    if (auto root = builder_.existing("mutation_root")) return *root;
    any_mutation_ = true;
    return builder_.object("mutation_root");
  }

  // Columns a mutation may write: Postgres refuses values for generated columns and for
  // identity columns GENERATED ALWAYS.
  static bool writable(const pg::Column& column) {
    return !column.generated && column.identity != 'a';
  }

  // The insert, update and delete fields of one table on mutation_root, with the input and
  // response types they take, as Hasura names and describes them.
  void addMutations(uint32_t s, uint32_t t, const std::string& base, const std::string& quoted,
                    const std::vector<ScalarInfo>& scalars) {
    const metadata::ResolvedTable& info = table(s, t);
    const pg::Table& pg_table = *info.table;
    std::vector<uint32_t> writable_columns;
    for (uint32_t c = 0; c < info.columns.size(); ++c) {
      if (writable(*info.columns[c].column)) writable_columns.push_back(c);
    }
    bool insert = pg_table.insertable && !writable_columns.empty();
    bool update = pg_table.updatable && !writable_columns.empty();
    bool by_pk = pg_table.primary_key.has_value();
    if (!insert && !update && !pg_table.deletable) return;

    auto response = builder_.object(base + "_mutation_response");
    response.description("response of any mutation on the table " + quoted);
    response.field("affected_rows", "Int!", "number of rows affected by the mutation",
                   tag({FieldKind::kAffectedRows, s, t}));
    response.field("returning", "[" + base + "!]!", "data from the rows affected by the mutation",
                   tag({FieldKind::kReturning, s, t}));

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

    if (pg_table.deletable) {
      field(custom.delete_, "delete_" + base, base + "_mutation_response",
            "delete data from the table: " + quoted, FieldKind::kDelete)
          .argument("where", base + "_bool_exp!", "filter the rows which have to be deleted");
      if (by_pk) {
        pkArguments(field(custom.delete_by_pk, "delete_" + base + "_by_pk", base,
                          "delete single row from the table: " + quoted, FieldKind::kDeleteByPk));
      }
    }
    if (insert) addInsert(s, t, base, quoted, scalars, writable_columns);
    if (update) addUpdate(s, t, base, quoted, scalars, writable_columns);
  }

  void addInsert(uint32_t s, uint32_t t, const std::string& base, const std::string& quoted,
                 const std::vector<ScalarInfo>& scalars, const std::vector<uint32_t>& columns) {
    const metadata::ResolvedTable& info = table(s, t);
    const pg::Table& pg_table = *info.table;
    auto input = builder_.inputObject(base + "_insert_input");
    input.description("input type for inserting data into table " + quoted);
    for (uint32_t c : columns) input.inputField(info.columns[c].graphql_name, scalars[c].name);

    // on_conflict needs a constraint to name.
    std::vector<const pg::KeyConstraint*> constraints;
    if (pg_table.primary_key) constraints.push_back(&*pg_table.primary_key);
    for (const pg::KeyConstraint& unique : pg_table.unique_constraints) {
      constraints.push_back(&unique);
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
      for (uint32_t c : columns) update_column.value(info.columns[c].graphql_name, "column name");
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
    if (!constraints.empty())
      many.argument("on_conflict", base + "_on_conflict", "upsert condition");
    auto one = mutationRoot().field(
        custom.insert_one.name.value_or("insert_" + base + "_one"), base,
        custom.insert_one.comment.value_or("insert a single row into the table: " + quoted),
        tag({FieldKind::kInsertOne, s, t}));
    one.argument("object", base + "_insert_input!", "the row to be inserted");
    if (!constraints.empty())
      one.argument("on_conflict", base + "_on_conflict", "upsert condition");
  }

  void addUpdate(uint32_t s, uint32_t t, const std::string& base, const std::string& quoted,
                 const std::vector<ScalarInfo>& scalars, const std::vector<uint32_t>& columns) {
    const metadata::ResolvedTable& info = table(s, t);
    const pg::Table& pg_table = *info.table;
    auto set = builder_.inputObject(base + "_set_input");
    set.description("input type for updating data in table " + quoted);
    for (uint32_t c : columns) set.inputField(info.columns[c].graphql_name, scalars[c].name);
    bool any_numeric = false;
    for (uint32_t c : columns) any_numeric = any_numeric || scalars[c].numeric;
    if (any_numeric) {
      auto inc = builder_.inputObject(base + "_inc_input");
      inc.description("input type for incrementing numeric columns in table " + quoted);
      for (uint32_t c : columns) {
        if (scalars[c].numeric) inc.inputField(info.columns[c].graphql_name, scalars[c].name);
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
    if (!pg_table.primary_key) return;
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

  // Which columns an aggregate operator applies to, and the type of its result.
  static bool appliesTo(AggregateOperator op, const ScalarInfo& scalar) {
    return op == AggregateOperator::kMax || op == AggregateOperator::kMin ? scalar.comparable
                                                                          : scalar.numeric;
  }
  static std::string resultType(AggregateOperator op, const ScalarInfo& scalar) {
    bool same = op == AggregateOperator::kMax || op == AggregateOperator::kMin ||
                op == AggregateOperator::kSum;
    return same ? scalar.name : "Float";
  }

  void addAggregateTypes(uint32_t s, uint32_t t, const std::string& base, const std::string& quoted,
                         const std::vector<ScalarInfo>& scalars) {
    const metadata::ResolvedTable& info = table(s, t);
    auto aggregate = builder_.object(base + "_aggregate");
    aggregate.description("aggregated selection of " + quoted);
    aggregate.field("aggregate", base + "_aggregate_fields", {},
                    tag({FieldKind::kAggregate, s, t}));
    aggregate.field("nodes", "[" + base + "!]!", {}, tag({FieldKind::kNodes, s, t}));

    // Hasura's order: avg, count, max, min, then the rest alphabetically.
    static constexpr AggregateOperator kOrder[] = {
        AggregateOperator::kAvg,     AggregateOperator::kMax,       AggregateOperator::kMin,
        AggregateOperator::kStddev,  AggregateOperator::kStddevPop, AggregateOperator::kStddevSamp,
        AggregateOperator::kSum,     AggregateOperator::kVarPop,    AggregateOperator::kVarSamp,
        AggregateOperator::kVariance};
    auto fields = builder_.object(base + "_aggregate_fields");
    fields.description("aggregate fields of " + quoted);
    auto order_by = builder_.inputObject(base + "_aggregate_order_by");
    order_by.description("order by aggregate values of table " + quoted);
    for (AggregateOperator op : kOrder) {
      std::string op_name(aggregateOperatorName(op));
      if (op == AggregateOperator::kMax) {  // count sits between avg and max
        fields.field("count", "Int!", {}, tag({FieldKind::kCount, s, t}))
            .argument("columns", "[" + base + "_select_column!]")
            .argument("distinct", "Boolean");
        order_by.inputField("count", "order_by");
      }
      bool any = false;
      for (const ScalarInfo& scalar : scalars) any = any || appliesTo(op, scalar);
      if (!any) continue;
      auto op_fields = builder_.object(base + "_" + op_name + "_fields");
      op_fields.description("aggregate " + op_name + " on columns");
      auto op_order = builder_.inputObject(base + "_" + op_name + "_order_by");
      op_order.description("order by " + op_name + "() on columns of table " + quoted);
      for (uint32_t c = 0; c < info.columns.size(); ++c) {
        if (!appliesTo(op, scalars[c])) continue;
        op_fields.field(info.columns[c].graphql_name, resultType(op, scalars[c]), {},
                        tag({FieldKind::kAggregateColumn, s, t, c}));
        op_order.inputField(info.columns[c].graphql_name, "order_by");
      }
      fields.field(op_name, base + "_" + op_name + "_fields", {},
                   tag({FieldKind::kAggregateOperator, s, t, static_cast<uint32_t>(op)}));
      order_by.inputField(op_name, base + "_" + op_name + "_order_by");
    }
  }

  std::unique_ptr<RoleSchema> out_;
  graphql::SchemaBuilder builder_;
  std::set<std::string> scalars_;
  std::set<std::string> comparisons_;
  bool any_root_field_ = false;
  bool any_mutation_ = false;
};

Result<std::shared_ptr<const RoleSchema>> buildRoleSchema(
    std::shared_ptr<const metadata::Resolved> resolved, std::string role) {
  return RoleSchemaBuilder(std::move(resolved), std::move(role)).build();
}

}  // namespace graft::schema
