#include "demo/demo.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "demo/demo_sql.h"
#include "metadata/service.h"

namespace graft::demo {

namespace asio = boost::asio;
namespace bj = boost::json;

namespace {

constexpr const char* kSource = "default";

// The database's own tables and views: what a user made, not the system's, Graft's metadata
// catalog or an extension's (PostGIS's spatial_ref_sys, say).
constexpr const char* kRelationsSql = R"sql(
SELECT n.nspname, c.relname
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'hdb_catalog')
   AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                      AND d.deptype = 'e')
 ORDER BY 1, 2)sql";

bj::value runSqlCommand(std::string_view sql, bool read_only) {
  bj::object args{{"source", kSource}, {"sql", sql}, {"read_only", read_only}};
  return bj::object{{"type", "run_sql"}, {"args", std::move(args)}};
}

// "a, b, c and 4 more"
std::string listSome(const std::vector<Relation>& relations) {
  constexpr size_t kShown = 5;
  std::string text;
  for (size_t i = 0; i < relations.size() && i < kShown; ++i) {
    text += (i == 0 ? "" : ", ") + relations[i].qualified();
  }
  if (relations.size() > kShown) {
    text += " and " + std::to_string(relations.size() - kShown) + " more";
  }
  return text;
}

Result<std::vector<Relation>> parseRelations(const bj::value& answer) {
  const bj::object* object = answer.if_object();
  const bj::value* rows = object ? object->if_contains("result") : nullptr;
  if (rows == nullptr || !rows->is_array() || rows->as_array().empty()) {
    return std::unexpected(Error::unexpected("run_sql answered without rows"));
  }
  std::vector<Relation> relations;
  const bj::array& all = rows->as_array();
  for (size_t i = 1; i < all.size(); ++i) {  // row 0 holds the column names
    const bj::array* row = all[i].if_array();
    if (row == nullptr || row->size() != 2 || !(*row)[0].is_string() || !(*row)[1].is_string()) {
      return std::unexpected(Error::unexpected("run_sql answered an unexpected row"));
    }
    relations.push_back(
        Relation{std::string((*row)[0].as_string()), std::string((*row)[1].as_string())});
  }
  return relations;
}

// Whether the metadata tracks any demo relation on the default source.
bool tracksDemo(const bj::value& metadata) {
  const bj::object* document = metadata.if_object();
  const bj::value* sources = document ? document->if_contains("sources") : nullptr;
  if (sources == nullptr || !sources->is_array()) return false;
  for (const bj::value& source : sources->as_array()) {
    const bj::object* s = source.if_object();
    if (s == nullptr || !s->contains("name") || s->at("name") != kSource) continue;
    const bj::value* tables = s->if_contains("tables");
    if (tables == nullptr || !tables->is_array()) return false;
    for (const bj::value& entry : tables->as_array()) {
      const bj::value* table = entry.is_object() ? entry.as_object().if_contains("table") : nullptr;
      if (table == nullptr) continue;
      Relation r{"public", ""};
      if (table->is_string()) {
        r.name = table->as_string();
      } else if (table->is_object()) {
        const bj::object& t = table->as_object();
        if (auto* schema = t.if_contains("schema"); schema && schema->is_string()) {
          r.schema = schema->as_string();
        }
        if (auto* name = t.if_contains("name"); name && name->is_string()) {
          r.name = name->as_string();
        }
      }
      const auto& demo = demoRelations();
      if (std::binary_search(demo.begin(), demo.end(), r)) return true;
    }
  }
  return false;
}

}  // namespace

Assessment assess(const std::vector<Relation>& existing) {
  if (existing.empty()) return {Decision::kLoad, ""};
  std::vector<Relation> present = existing;
  std::sort(present.begin(), present.end());
  const auto& demo = demoRelations();
  if (std::includes(present.begin(), present.end(), demo.begin(), demo.end())) {
    return {Decision::kKeep, ""};
  }
  std::vector<Relation> others;
  std::set_difference(present.begin(), present.end(), demo.begin(), demo.end(),
                      std::back_inserter(others));
  const std::string instead =
      " Start without --demo (scripts/run.sh: GRAFT_DEMO=false) to serve this database as it "
      "is, or give --demo an empty one (another --data-dir or HASURA_GRAPHQL_DATABASE_URL).";
  if (!others.empty()) {
    return {Decision::kRefuse,
            "--demo: the database already holds tables or views of its own (" + listSome(others) +
                "); the demo is only loaded into a database without any, and this one is left "
                "untouched." +
                instead};
  }
  std::vector<Relation> missing;
  std::set_difference(demo.begin(), demo.end(), present.begin(), present.end(),
                      std::back_inserter(missing));
  return {Decision::kRefuse,
          "--demo: the database holds some of the demo's tables but not all of them (missing " +
              listSome(missing) + "); it is left untouched." + instead};
}

asio::awaitable<Result<Outcome>> load(std::shared_ptr<metadata::MetadataService> service) {
  Outcome outcome;
  bj::value list = runSqlCommand(kRelationsSql, true);
  auto listed = co_await service->handle(metadata::Api::kQueryV2, std::move(list));
  if (!listed) co_return std::unexpected(listed.error());
  GRAFT_CO_TRY(std::vector<Relation> existing, parseRelations(*listed));

  Assessment assessment = assess(existing);
  if (assessment.decision == Decision::kRefuse) {
    co_return std::unexpected(Error::validationFailed(assessment.reason));
  }
  if (assessment.decision == Decision::kLoad) {
    bj::value create = runSqlCommand(schemaSql(), false);
    auto created = co_await service->handle(metadata::Api::kQueryV2, std::move(create));
    if (!created) co_return std::unexpected(created.error());
    outcome.loaded_data = true;
  }

  bj::value exported = bj::object{{"type", "export_metadata"}, {"args", bj::object()}};
  auto current = co_await service->handle(metadata::Api::kMetadata, std::move(exported));
  if (!current) co_return std::unexpected(current.error());
  if (!tracksDemo(*current)) {
    bj::value commands = metadataCommands(kSource);
    auto applied = co_await service->handle(metadata::Api::kMetadata, std::move(commands));
    if (!applied) co_return std::unexpected(applied.error());
    outcome.applied_metadata = true;
  }
  co_return outcome;
}

}  // namespace graft::demo
