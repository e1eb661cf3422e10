// graphql_bench: what one /v1/graphql request costs in the language core (parse, validate,
// coerce variables, normalise) against a schema of Hasura's shape. Never a timed test; run by
// hand from a Release build (docs/benchmarks.md).
#include <benchmark/benchmark.h>

#include <boost/json/parse.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/coerce.h"
#include "graphql/normalize.h"
#include "graphql/parser.h"
#include "graphql/schema_builder.h"
#include "graphql/validation.h"

namespace graft::graphql {
namespace {

// ---- A schema of Hasura's shape for 20 tables -------------------------------------------------
//
// Per table: the row type, <t>_select_column, <t>_bool_exp, <t>_order_by, <t>_aggregate,
// <t>_aggregate_fields, <t>_aggregate_order_by, <t>_max_fields, <t>_min_fields; shared: the
// <Scalar>_comparison_exp inputs, order_by, the custom scalars and query_root. About 200 named
// types in all. Hasura also generates avg/sum/stddev/... types per table, left out here so that
// 20 tables stay near 200 types; validation looks types up by name, so their number matters
// little, while the types a query touches do matter.

struct Column {
  std::string_view name;
  std::string_view type;  // with `!` when not nullable
};

constexpr Column kColumns[] = {
    {"id", "Int!"},
    {"name", "String!"},
    {"description", "String"},
    {"status", "String!"},
    {"amount", "numeric"},
    {"quantity", "Int"},
    {"is_active", "Boolean!"},
    {"created_at", "timestamptz!"},
    {"updated_at", "timestamptz"},
    {"external_id", "uuid"},
    {"data", "jsonb"},
};

constexpr std::string_view kTables[] = {
    "user",    "article",  "comment",    "category",  "tag",      "article_tag", "customer",
    "address", "orders",   "order_item", "product",   "supplier", "review",      "invoice",
    "payment", "shipment", "warehouse",  "inventory", "employee", "department",
};

// `child.object_name` points at one `parent` row (through the column <object_name>_id);
// `parent.array_name` lists the child rows.
struct Relationship {
  std::string_view child, object_name, parent, array_name;
};

constexpr Relationship kRelationships[] = {
    {"article", "author", "user", "articles"},
    {"article", "category", "category", "articles"},
    {"comment", "article", "article", "comments"},
    {"comment", "author", "user", "comments"},
    {"article_tag", "article", "article", "article_tags"},
    {"article_tag", "tag", "tag", "article_tags"},
    {"customer", "address", "address", "customers"},
    {"customer", "account", "user", "customers"},
    {"orders", "customer", "customer", "orders"},
    {"order_item", "order", "orders", "items"},
    {"order_item", "product", "product", "order_items"},
    {"product", "supplier", "supplier", "products"},
    {"product", "category", "category", "products"},
    {"review", "product", "product", "reviews"},
    {"review", "customer", "customer", "reviews"},
    {"invoice", "order", "orders", "invoices"},
    {"payment", "invoice", "invoice", "payments"},
    {"shipment", "order", "orders", "shipments"},
    {"shipment", "warehouse", "warehouse", "shipments"},
    {"inventory", "product", "product", "inventory"},
    {"inventory", "warehouse", "warehouse", "inventory"},
    {"employee", "department", "department", "employees"},
    {"warehouse", "manager", "employee", "managed_warehouses"},
    {"supplier", "address", "address", "suppliers"},
};

std::string str(std::string_view text) { return std::string(text); }

// The scalar of a column type, without `!`.
std::string_view scalarOf(std::string_view type) {
  return type.ends_with('!') ? type.substr(0, type.size() - 1) : type;
}

bool isOrderable(std::string_view scalar) {
  return scalar != "Boolean" && scalar != "jsonb" && scalar != "uuid";
}

void addComparison(SchemaBuilder& builder, std::string_view scalar) {
  std::string s = str(scalar);
  auto exp = builder.inputObject(s + "_comparison_exp");
  exp.description("Boolean expression to compare columns of type \"" + s +
                  "\". All fields are combined with logical 'AND'.");
  if (scalar == "jsonb") exp.inputField("_contains", s).inputField("_has_key", "String");
  exp.inputField("_eq", s).inputField("_gt", s).inputField("_gte", s);
  if (scalar == "String") exp.inputField("_ilike", s).inputField("_like", s);
  exp.inputField("_in", "[" + s + "!]").inputField("_is_null", "Boolean");
  exp.inputField("_lt", s).inputField("_lte", s).inputField("_neq", s);
  exp.inputField("_nin", "[" + s + "!]");
  if (scalar == "String") exp.inputField("_nilike", s).inputField("_regex", s);
}

void listArguments(ArgumentsBuilder args, std::string_view table) {
  std::string t = str(table);
  args.argument("distinct_on", "[" + t + "_select_column!]", "distinct select on columns")
      .argument("limit", "Int", "limit the number of rows returned")
      .argument("offset", "Int", "skip the first n rows. Use only with order_by")
      .argument("order_by", "[" + t + "_order_by!]", "sort the rows by one or more columns")
      .argument("where", t + "_bool_exp", "filter the rows returned");
}

// A TypeBuilder handle is valid until the next type is defined, so each type is finished
// before the next one starts.
void addTable(SchemaBuilder& builder, std::string_view table) {
  std::string t = str(table);
  std::vector<Column> columns(std::begin(kColumns), std::end(kColumns));
  // The <object_name>_id columns' names; reserved so that the views in `columns` stay valid.
  std::vector<std::string> foreign_keys;
  foreign_keys.reserve(std::size(kRelationships));
  for (const Relationship& rel : kRelationships) {
    if (rel.child != table) continue;
    foreign_keys.push_back(str(rel.object_name) + "_id");
    columns.push_back({foreign_keys.back(), "Int"});
  }
  std::vector<const Relationship*> objects, arrays;
  for (const Relationship& rel : kRelationships) {
    if (rel.child == table) objects.push_back(&rel);
    if (rel.parent == table) arrays.push_back(&rel);
  }

  auto row = builder.object(t);
  row.description("columns and relationships of \"" + t + "\"");
  for (const Column& column : columns) {
    auto field = row.field(column.name, column.type, "column");
    if (scalarOf(column.type) == "jsonb") field.argument("path", "String", "JSON select path");
  }
  for (const Relationship* rel : objects) {
    row.field(rel->object_name, rel->parent, "An object relationship");
  }
  for (const Relationship* rel : arrays) {
    std::string child = str(rel->child);
    std::string name = str(rel->array_name);
    listArguments(row.field(name, "[" + child + "!]!", "An array relationship"), child);
    listArguments(
        row.field(name + "_aggregate", child + "_aggregate!", "An aggregate relationship"), child);
  }

  auto select_column = builder.enumType(t + "_select_column");
  for (const Column& column : columns) select_column.value(column.name, "column name");

  auto bool_exp = builder.inputObject(t + "_bool_exp");
  bool_exp.inputField("_and", "[" + t + "_bool_exp!]")
      .inputField("_not", t + "_bool_exp")
      .inputField("_or", "[" + t + "_bool_exp!]");
  for (const Column& column : columns) {
    bool_exp.inputField(column.name, str(scalarOf(column.type)) + "_comparison_exp");
  }
  for (const Relationship* rel : objects) {
    bool_exp.inputField(rel->object_name, str(rel->parent) + "_bool_exp");
  }
  for (const Relationship* rel : arrays) {
    bool_exp.inputField(rel->array_name, str(rel->child) + "_bool_exp");
  }

  auto order_by = builder.inputObject(t + "_order_by");
  for (const Column& column : columns) order_by.inputField(column.name, "order_by");
  for (const Relationship* rel : objects) {
    order_by.inputField(rel->object_name, str(rel->parent) + "_order_by");
  }
  for (const Relationship* rel : arrays) {
    order_by.inputField(str(rel->array_name) + "_aggregate",
                        str(rel->child) + "_aggregate_order_by");
  }

  auto aggregate = builder.object(t + "_aggregate");
  aggregate.description("aggregated selection of \"" + t + "\"");
  aggregate.field("aggregate", t + "_aggregate_fields");
  aggregate.field("nodes", "[" + t + "!]!");

  auto aggregate_fields = builder.object(t + "_aggregate_fields");
  aggregate_fields.description("aggregate fields of \"" + t + "\"");
  aggregate_fields.field("count", "Int!")
      .argument("columns", "[" + t + "_select_column!]")
      .argument("distinct", "Boolean");
  aggregate_fields.field("max", t + "_max_fields");
  aggregate_fields.field("min", t + "_min_fields");

  builder.inputObject(t + "_aggregate_order_by").inputField("count", "order_by");

  for (std::string_view op : {"max", "min"}) {
    auto op_fields = builder.object(t + "_" + str(op) + "_fields");
    op_fields.description("aggregate " + str(op) + " on columns");
    for (const Column& column : columns) {
      if (isOrderable(scalarOf(column.type))) op_fields.field(column.name, scalarOf(column.type));
    }
  }
}

// Built once, outside every timed loop.
std::shared_ptr<const Schema> buildHasuraShapedSchema() {
  SchemaBuilder builder;
  for (std::string_view scalar : {"jsonb", "numeric", "timestamptz", "uuid"}) {
    builder.scalar(scalar);
  }
  for (std::string_view scalar :
       {"Boolean", "Int", "String", "jsonb", "numeric", "timestamptz", "uuid"}) {
    addComparison(builder, scalar);
  }
  builder.enumType("order_by")
      .description("column ordering options")
      .value("asc", "in ascending order, nulls last")
      .value("asc_nulls_first", "in ascending order, nulls first")
      .value("asc_nulls_last", "in ascending order, nulls last")
      .value("desc", "in descending order, nulls first")
      .value("desc_nulls_first", "in descending order, nulls first")
      .value("desc_nulls_last", "in descending order, nulls last");
  for (std::string_view table : kTables) addTable(builder, table);

  auto root = builder.object("query_root");
  for (std::string_view table : kTables) {
    std::string t = str(table);
    listArguments(root.field(t, "[" + t + "!]!", "fetch data from the table: \"" + t + "\""), t);
    listArguments(root.field(t + "_aggregate", t + "_aggregate!",
                             "fetch aggregated fields from the table: \"" + t + "\""),
                  t);
    root.field(t + "_by_pk", t, "fetch data from the table using primary key columns")
        .argument("id", "Int!");
  }
  builder.setRootTypes("query_root");
  auto schema = builder.build();
  if (!schema) {
    std::fprintf(stderr, "the benchmark schema does not build: %s\n",
                 schema.error().message().c_str());
    std::abort();
  }
  return *schema;
}

// ---- The queries ------------------------------------------------------------------------------

// A typical page query (~1 KB): variables, where/order_by/limit, three levels of relationships
// and an aggregate; no fragments.
constexpr std::string_view kTypicalQuery =
    R"graphql(query RecentOrders($customerId: Int!, $since: timestamptz, $limit: Int = 10) {
  orders(
    where: {customer_id: {_eq: $customerId}, created_at: {_gte: $since},
            status: {_in: ["paid", "shipped"]}}
    order_by: [{created_at: desc}, {id: asc}]
    limit: $limit
  ) {
    id
    status
    amount
    created_at
    updated_at
    customer {
      id
      name
      address { id name description }
    }
    items(order_by: {id: asc}) {
      id
      quantity
      amount
      product {
        id
        name
        amount
        supplier { id name }
      }
    }
    shipments(where: {is_active: {_eq: true}}, limit: 1) {
      id
      status
      updated_at
      warehouse { id name }
    }
    invoices(order_by: {created_at: desc}, limit: 1) {
      id
      amount
      status
      payments { id amount created_at }
    }
  }
  orders_aggregate(where: {customer_id: {_eq: $customerId}}) {
    aggregate {
      count
      max { amount created_at }
    }
  }
}
)graphql";

constexpr std::string_view kTypicalVariables = R"({"customerId": 42, "since": "2026-01-01"})";

// A dashboard query (~2 KB): four root fields, aliases, three fragments (one with an inline
// fragment), @include, nested boolean expressions with _and/_or and relationship filters,
// ordering by an aggregate of an array relationship.
constexpr std::string_view kDashboardQuery =
    R"graphql(# A storefront dashboard, as a client would send it.
query Dashboard($customerId: Int!, $since: timestamptz!, $statuses: [String!] = ["paid", "shipped"],
                $limit: Int = 20, $offset: Int = 0, $withReviews: Boolean! = true,
                $search: String = "%lamp%") {
  recent: orders(
    where: {_and: [{customer_id: {_eq: $customerId}}, {created_at: {_gte: $since}},
                   {_or: [{status: {_in: $statuses}}, {amount: {_gt: "100.00"}}]},
                   {items: {product: {name: {_ilike: $search}}}}]}
    order_by: [{created_at: desc_nulls_last}, {id: asc}]
    limit: $limit
    offset: $offset
  ) {
    ...OrderFields
    customer { ...CustomerFields }
    items(order_by: {amount: desc}) {
      id
      quantity
      amount
      product {
        ...ProductFields
        reviews(where: {is_active: {_eq: true}}, limit: 3) @include(if: $withReviews) {
          id
          description
          customer { name }
        }
      }
    }
    invoices {
      id
      amount
      payments(order_by: {created_at: asc}) { id amount status }
    }
  }
  stats: orders_aggregate(where: {customer_id: {_eq: $customerId}}) {
    aggregate {
      count(columns: [id], distinct: true)
      max { amount }
      min { created_at }
    }
  }
  me: customer_by_pk(id: $customerId) {
    ...CustomerFields
    reviews_aggregate { aggregate { count } }
  }
  topProducts: product(order_by: {order_items_aggregate: {count: desc}}, limit: 5) {
    ...ProductFields
    inventory(where: {quantity: {_gt: 0}}) {
      quantity
      warehouse { id name status }
    }
  }
}

fragment OrderFields on orders {
  id
  status
  amount
  created_at
  updated_at
  reference: external_id
  tracking: data(path: "$.tracking")
}

fragment CustomerFields on customer {
  id
  name
  status
  created_at
  address { id name description }
  account { id name is_active }
}

fragment ProductFields on product {
  id
  name
  amount
  is_active
  supplier { id name }
  category { id name }
  ... on product { quantity }
}
)graphql";

constexpr std::string_view kDashboardVariables =
    R"({"customerId": 42, "since": "2026-01-01T00:00:00Z", "statuses": ["paid"]})";

// ---- The cases ---------------------------------------------------------------------------------

// graphql-js's getIntrospectionQuery() of v16 (descriptions, specifiedByURL, isRepeatable,
// deprecated arguments), and the schema exercising every introspection feature; both read from
// testdata/ next to this file, since the benchmark has no data directory of its own.
std::string readTestdata(std::string_view name) {
  std::string path = str(__FILE__);
  path = path.substr(0, path.rfind('/') + 1) + "testdata/" + str(name);
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string& introspectionQuery() {
  static const std::string text = readTestdata("introspection_query.graphql");
  return text;
}

const Schema& hasuraSchema() {
  static const std::shared_ptr<const Schema> schema = buildHasuraShapedSchema();
  return *schema;
}

const Schema& fixtureSchema() {
  static const std::shared_ptr<const Schema> schema = [] {
    auto built = buildSchemaFromSdl(readTestdata("fixture_schema.graphql"));
    if (!built) {
      std::fprintf(stderr, "the fixture schema does not build: %s\n",
                   built.error().message().c_str());
      std::abort();
    }
    return *built;
  }();
  return *schema;
}

enum class CaseId { kIntrospection, kIntrospectionFixture, kDashboard, kTypical };

struct Case {
  std::string_view query;
  const Schema* schema;
  boost::json::object variables;  // the request's, already parsed: JSON is not timed here
};

Case makeCase(CaseId id) {
  switch (id) {
    case CaseId::kIntrospection:
      return {introspectionQuery(), &hasuraSchema(), {}};
    case CaseId::kIntrospectionFixture:
      return {introspectionQuery(), &fixtureSchema(), {}};
    case CaseId::kDashboard:
      return {kDashboardQuery, &hasuraSchema(),
              boost::json::parse(kDashboardVariables).as_object()};
    case CaseId::kTypical:
      return {kTypicalQuery, &hasuraSchema(), boost::json::parse(kTypicalVariables).as_object()};
  }
  std::abort();
}

enum class Stage { kParse, kValidate, kNormalize };

// /v1/graphql's options: Hasura accepts unused fragments and variables.
ValidationOptions serverValidationOptions() {
  ValidationOptions options;
  options.reject_unused_fragments = false;
  options.reject_unused_variables = false;
  return options;
}

// The stages of execute/engine.cc up to planning, for one document; the error of the first
// stage that fails, empty when all succeed.
std::string runPipeline(const Case& c, Stage stage, Arena& arena,
                        const ValidationOptions& options) {
  auto document = parseExecutable(c.query, arena);
  if (!document) return "parse: " + document.error().describe();
  benchmark::DoNotOptimize(*document);
  if (stage == Stage::kParse) return {};
  auto errors = validate(*c.schema, **document, options);
  if (!errors.empty()) return "validate: " + errors.front().message();
  if (stage == Stage::kValidate) return {};
  auto operation = selectOperation(**document, "");
  if (!operation) return "selectOperation: " + operation.error().message();
  auto variables = coerceVariableValues(*c.schema, **operation, c.variables);
  if (!variables) return "coerce: " + variables.error().message();
  auto normalized = normalize(*c.schema, **document, **operation, *variables, arena);
  if (!normalized) return "normalize: " + normalized.error().message();
  benchmark::DoNotOptimize(normalized->fields.data());
  return {};
}

enum class ArenaUse { kReset, kFresh };

// kReset: one arena per thread, reset per request, as the server is meant to use it. kFresh: a
// new arena per request, as execute/engine.cc does today (the first chunk's malloc and free).
void pipeline(benchmark::State& state, CaseId id, Stage stage, ArenaUse arena_use) {
  const Case c = makeCase(id);
  const ValidationOptions options = serverValidationOptions();
  Arena arena;
  // Checked once outside the loop, so that the loop measures only the successful path.
  if (std::string error = runPipeline(c, stage, arena, options); !error.empty()) {
    state.SkipWithError(error.c_str());
    return;
  }
  arena.reset();
  for (auto _ : state) {
    if (arena_use == ArenaUse::kFresh) {
      Arena fresh;
      std::string error = runPipeline(c, stage, fresh, options);
      benchmark::DoNotOptimize(error);
    } else {
      std::string error = runPipeline(c, stage, arena, options);
      benchmark::DoNotOptimize(error);
      arena.reset();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.query.size()));
  state.counters["query_bytes"] = static_cast<double>(c.query.size());
  state.counters["schema_types"] = static_cast<double>(c.schema->types().size());
}

void parse(benchmark::State& state, CaseId id) {
  pipeline(state, id, Stage::kParse, ArenaUse::kReset);
}
void parseValidate(benchmark::State& state, CaseId id) {
  pipeline(state, id, Stage::kValidate, ArenaUse::kReset);
}
void parseValidateNormalize(benchmark::State& state, CaseId id) {
  pipeline(state, id, Stage::kNormalize, ArenaUse::kReset);
}
void parseValidateNormalizeFreshArena(benchmark::State& state, CaseId id) {
  pipeline(state, id, Stage::kNormalize, ArenaUse::kFresh);
}

BENCHMARK_CAPTURE(parse, introspection, CaseId::kIntrospection);
BENCHMARK_CAPTURE(parse, dashboard_2k, CaseId::kDashboard);
BENCHMARK_CAPTURE(parse, typical_1k, CaseId::kTypical);
BENCHMARK_CAPTURE(parseValidate, introspection, CaseId::kIntrospection);
BENCHMARK_CAPTURE(parseValidate, introspection_fixture, CaseId::kIntrospectionFixture);
BENCHMARK_CAPTURE(parseValidate, dashboard_2k, CaseId::kDashboard);
BENCHMARK_CAPTURE(parseValidate, typical_1k, CaseId::kTypical);
BENCHMARK_CAPTURE(parseValidateNormalize, introspection, CaseId::kIntrospection);
BENCHMARK_CAPTURE(parseValidateNormalize, introspection_fixture, CaseId::kIntrospectionFixture);
BENCHMARK_CAPTURE(parseValidateNormalize, dashboard_2k, CaseId::kDashboard);
BENCHMARK_CAPTURE(parseValidateNormalize, typical_1k, CaseId::kTypical);
BENCHMARK_CAPTURE(parseValidateNormalizeFreshArena, typical_1k, CaseId::kTypical);

}  // namespace
}  // namespace graft::graphql
