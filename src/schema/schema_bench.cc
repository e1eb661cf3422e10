// Benchmarks of role schema generation at scale: a synthetic source of N tracked tables (eight
// columns, an object and an array relationship each) with ten roles holding select, insert,
// update and delete permissions on every table. Reports the time to build one role's schema
// and the heap each schema keeps (mallinfo2), so that the cost of tables × roles is on record:
// all ten roles with one type registry, as the engine builds them (types the roles have in
// common stored once), and with a registry each, as if nothing were shared.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <boost/json/parse.hpp>
#include <memory>
#include <string>
#include <vector>

#include "graphql/type_registry.h"
#include "metadata/resolved.h"
#include "schema/context.h"

namespace graft::schema {
namespace {

namespace bj = boost::json;

pg::Column column(std::string name, std::string type, char category, int position) {
  pg::Column c;
  c.name = std::move(name);
  c.position = position;
  c.type = type;
  c.type_name = {"pg_catalog", std::move(type)};
  c.type_category = category;
  return c;
}

std::shared_ptr<const pg::Catalog> syntheticCatalog(int tables) {
  std::vector<pg::Table> out;
  for (int i = 0; i < tables; ++i) {
    pg::Table table;
    table.name = {"public", "t" + std::to_string(i)};
    table.columns = {column("id", "int4", 'N', 1),
                     column("name", "text", 'S', 2),
                     column("amount", "numeric", 'N', 3),
                     column("owner_id", "int4", 'N', 4),
                     column("created", "timestamptz", 'D', 5),
                     column("active", "bool", 'B', 6),
                     column("data", "jsonb", 'U', 7),
                     column("parent_id", "int4", 'N', 8)};
    table.primary_key = pg::KeyConstraint{"t" + std::to_string(i) + "_pkey", {"id"}};
    table.insertable = table.updatable = table.deletable = true;
    out.push_back(std::move(table));
  }
  return std::make_shared<const pg::Catalog>(std::move(out), std::vector<pg::EnumType>{},
                                             std::vector<pg::Function>{});
}

// The metadata source entry: every table tracked, related to the next one both ways, with ten
// roles' permissions filtering on a session variable.
bj::object syntheticSource(int tables, int roles) {
  bj::array entries;
  for (int i = 0; i < tables; ++i) {
    std::string next = "t" + std::to_string((i + 1) % tables);
    bj::object entry;
    entry["table"] = bj::object{{"schema", "public"}, {"name", "t" + std::to_string(i)}};
    bj::object manual_object{{"remote_table", next},
                             {"column_mapping", bj::object{{"parent_id", "id"}}}};
    bj::object manual_array{{"remote_table", next},
                            {"column_mapping", bj::object{{"id", "parent_id"}}}};
    entry["object_relationships"] = bj::array{bj::object{
        {"name", "parent"}, {"using", bj::object{{"manual_configuration", manual_object}}}}};
    entry["array_relationships"] = bj::array{bj::object{
        {"name", "children"}, {"using", bj::object{{"manual_configuration", manual_array}}}}};
    bj::array select, insert, update, delete_;
    for (int r = 0; r < roles; ++r) {
      std::string role = "role" + std::to_string(r);
      bj::value filter = bj::parse(R"({"owner_id": {"_eq": "X-Hasura-User-Id"}})");
      bj::array columns{"id", "name", "amount", "owner_id", "created"};
      select.push_back(bj::object{{"role", role},
                                  {"permission", bj::object{{"columns", columns},
                                                            {"filter", filter},
                                                            {"allow_aggregations", r % 2 == 0}}}});
      insert.push_back(bj::object{
          {"role", role},
          {"permission", bj::object{{"columns", bj::array{"name", "amount"}},
                                    {"check", filter},
                                    {"set", bj::object{{"owner_id", "X-Hasura-User-Id"}}}}}});
      update.push_back(bj::object{
          {"role", role},
          {"permission", bj::object{{"columns", bj::array{"name"}}, {"filter", filter}}}});
      delete_.push_back(bj::object{{"role", role}, {"permission", bj::object{{"filter", filter}}}});
    }
    entry["select_permissions"] = std::move(select);
    entry["insert_permissions"] = std::move(insert);
    entry["update_permissions"] = std::move(update);
    entry["delete_permissions"] = std::move(delete_);
    entries.push_back(std::move(entry));
  }
  return bj::object{{"name", "default"}, {"kind", "postgres"}, {"tables", std::move(entries)}};
}

std::shared_ptr<const metadata::Resolved> syntheticResolved(int tables, int roles) {
  auto resolved = std::make_shared<metadata::Resolved>();
  resolved->sources.push_back(metadata::resolveSource(syntheticSource(tables, roles), "default",
                                                      nullptr, syntheticCatalog(tables)));
  return resolved;
}

size_t heapInUse() { return mallinfo2().uordblks; }

// One role's schema for N tables: time per build, and the heap one schema keeps.
void buildOneRole(benchmark::State& state, const std::string& role) {
  int tables = static_cast<int>(state.range(0));
  auto resolved = syntheticResolved(tables, 10);
  size_t kept = 0;
  for (auto _ : state) {
    size_t before = heapInUse();
    auto built = buildRoleSchema(resolved, role);
    kept = heapInUse() - before;
    if (!built) state.SkipWithError(built.error().message().c_str());
    benchmark::DoNotOptimize(built);
  }
  state.counters["schema_MiB"] = static_cast<double>(kept) / (1024.0 * 1024.0);
}

void adminSchema(benchmark::State& state) { buildOneRole(state, "admin"); }
void roleSchema(benchmark::State& state) { buildOneRole(state, "role3"); }

// Every role's schema held at once, as a server serving all ten roles does.
void tenRoles(benchmark::State& state, bool shared) {
  int tables = static_cast<int>(state.range(0));
  auto resolved = syntheticResolved(tables, 10);
  size_t kept = 0;
  size_t last = 0;  // the tenth role's schema, whose permissions equal the eighth's
  size_t bodies = 0;
  for (auto _ : state) {
    size_t before = heapInUse();
    auto types = std::make_shared<graphql::TypeRegistry>();
    std::vector<std::shared_ptr<const RoleSchema>> schemas;
    for (int r = 0; r < 10; ++r) {
      size_t before_role = r == 9 ? heapInUse() : 0;  // mallinfo2 walks the heap: only once
      auto built = buildRoleSchema(resolved, "role" + std::to_string(r), shared ? types : nullptr);
      if (!built) state.SkipWithError(built.error().message().c_str());
      schemas.push_back(*built);
      if (r == 9) last = heapInUse() - before_role;
    }
    kept = heapInUse() - before;
    bodies = types->bodyCount();
    benchmark::DoNotOptimize(schemas);
  }
  state.counters["ten_roles_MiB"] = static_cast<double>(kept) / (1024.0 * 1024.0);
  state.counters["tenth_role_MiB"] = static_cast<double>(last) / (1024.0 * 1024.0);
  if (shared) state.counters["type_bodies"] = static_cast<double>(bodies);
}

void allRoles(benchmark::State& state) { tenRoles(state, true); }
void allRolesUnshared(benchmark::State& state) { tenRoles(state, false); }

BENCHMARK(adminSchema)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(roleSchema)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(allRoles)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(allRolesUnshared)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace graft::schema

BENCHMARK_MAIN();
