// Role schemas of one snapshot sharing a type registry: what is the same between roles is
// stored once, what differs is not, and field tags mean the same in every role.
#include <gtest/gtest.h>

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

// Two tables, article → author; role "a" and role "b" may select the same columns, role "c"
// may also aggregate articles.
std::shared_ptr<const metadata::Resolved> fixture() {
  std::vector<pg::Table> tables;
  for (std::string name : {"author", "article"}) {
    pg::Table table;
    table.name = {"public", name};
    table.columns = {column("id", "int4", 'N', 1), column("name", "text", 'S', 2),
                     column("author_id", "int4", 'N', 3)};
    table.primary_key = pg::KeyConstraint{name + "_pkey", {"id"}};
    table.insertable = table.updatable = table.deletable = true;
    tables.push_back(std::move(table));
  }
  auto catalog = std::make_shared<const pg::Catalog>(std::move(tables), std::vector<pg::EnumType>{},
                                                     std::vector<pg::Function>{});
  auto permissions = [](bool aggregate_c) {
    bj::array select;
    for (std::string role : {"a", "b", "c"}) {
      select.push_back(bj::object{
          {"role", role},
          {"permission", bj::object{{"columns", bj::array{"id", "name"}},
                                    {"filter", bj::object{}},
                                    {"allow_aggregations", aggregate_c && role == "c"}}}});
    }
    return select;
  };
  bj::object author{{"table", bj::object{{"schema", "public"}, {"name", "author"}}},
                    {"select_permissions", permissions(false)}};
  bj::object article{
      {"table", bj::object{{"schema", "public"}, {"name", "article"}}},
      {"object_relationships",
       bj::array{bj::object{
           {"name", "author"},
           {"using",
            bj::object{{"manual_configuration",
                        bj::object{{"remote_table", "author"},
                                   {"column_mapping", bj::object{{"author_id", "id"}}}}}}}}}},
      {"select_permissions", permissions(true)}};
  bj::object source{
      {"name", "default"}, {"kind", "postgres"}, {"tables", bj::array{author, article}}};
  auto resolved = std::make_shared<metadata::Resolved>();
  resolved->sources.push_back(metadata::resolveSource(source, "default", nullptr, catalog));
  return resolved;
}

std::shared_ptr<const RoleSchema> build(const std::shared_ptr<const metadata::Resolved>& resolved,
                                        const std::string& role,
                                        std::shared_ptr<graphql::TypeRegistry> types) {
  auto built = buildRoleSchema(resolved, role, std::move(types));
  EXPECT_TRUE(built) << built.error().message();
  return *built;
}

const graphql::TypeBody* bodyOf(const RoleSchema& schema, std::string_view type) {
  const graphql::NamedType* found = schema.schema().findType(type);
  return found == nullptr ? nullptr : &found->body();
}

TEST(RoleSchema, RolesOfASnapshotShareWhatIsTheSame) {
  auto resolved = fixture();
  auto types = std::make_shared<graphql::TypeRegistry>();
  auto a = build(resolved, "a", types);
  size_t bodies = types->bodyCount();
  auto b = build(resolved, "b", types);
  EXPECT_EQ(types->bodyCount(), bodies) << "role b's schema is role a's";
  for (const graphql::NamedType* type : a->schema().types()) {
    EXPECT_EQ(&type->body(), bodyOf(*b, type->name())) << type->name();
  }
  EXPECT_NE(&a->schema(), &b->schema());

  auto c = build(resolved, "c", types);
  EXPECT_GT(types->bodyCount(), bodies);
  EXPECT_EQ(bodyOf(*a, "author"), bodyOf(*c, "author"));
  EXPECT_EQ(bodyOf(*a, "author_bool_exp"), bodyOf(*c, "author_bool_exp"));
  EXPECT_EQ(bodyOf(*a, "String_comparison_exp"), bodyOf(*c, "String_comparison_exp"));
  EXPECT_NE(bodyOf(*a, "query_root"), bodyOf(*c, "query_root")) << "c has article_aggregate";
  EXPECT_EQ(bodyOf(*a, "article_aggregate"), nullptr);
  EXPECT_NE(bodyOf(*c, "article_aggregate"), nullptr);

  // article.author is shared, and each schema resolves it to its own author type.
  const graphql::Field* author = a->schema().findType("article")->findField("author");
  ASSERT_NE(author, nullptr);
  EXPECT_EQ(&a->schema().named(author->type), a->schema().findType("author"));
  EXPECT_EQ(&b->schema().named(author->type), b->schema().findType("author"));
}

TEST(RoleSchema, FieldTagsHoldTheirInfo) {
  auto resolved = fixture();
  auto admin = build(resolved, "admin", nullptr);
  const graphql::Field* name = admin->schema().findType("article")->findField("name");
  ASSERT_NE(name, nullptr);
  std::optional<FieldInfo> info = RoleSchema::info(*name);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->kind, FieldKind::kColumn);
  EXPECT_EQ(info->source, 0u);
  const metadata::ResolvedTable& table = resolved->sources[0].tables[info->table];
  EXPECT_EQ(table.table->name.name, "article");
  EXPECT_EQ(table.columns[info->index].column->name, "name");
  EXPECT_FALSE(RoleSchema::info(admin->schema().typenameField()));

  FieldInfo largest{FieldKind::kComputedField, FieldInfo::kMaxSources - 1,
                    FieldInfo::kMaxTables - 1, FieldInfo::kMaxIndex - 1};
  FieldInfo round = FieldInfo::fromTag(largest.tag());
  EXPECT_EQ(round.kind, largest.kind);
  EXPECT_EQ(round.source, largest.source);
  EXPECT_EQ(round.table, largest.table);
  EXPECT_EQ(round.index, largest.index);
  EXPECT_EQ(FieldInfo::fromTag(FieldInfo{FieldKind::kSelect}.tag()).kind, FieldKind::kSelect);
  EXPECT_NE(FieldInfo{FieldKind::kSelect}.tag(), 0u);
}

}  // namespace
}  // namespace graft::schema
