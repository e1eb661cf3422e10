#include "pg/catalog.h"

#include <gtest/gtest.h>

#include "pg/test_support.h"

namespace graft::pg::testing {
namespace {

// The shapes users sync from CRMs (no foreign keys, text ids, generated join columns) next to
// an application schema with every kind of key, plus the odd types the catalog must describe.
constexpr const char* kSchema = R"sql(
CREATE SCHEMA salesforce;
CREATE TYPE public.stage AS ENUM ('lead', 'won', 'lost');
CREATE DOMAIN public.email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE public.users (
  id int PRIMARY KEY,
  email public.email UNIQUE,
  tags text[],
  region text, code int,
  serial_no int GENERATED ALWAYS AS IDENTITY,
  UNIQUE (region, code)
);
COMMENT ON TABLE public.users IS 'People using the app';
COMMENT ON COLUMN public.users.email IS 'Login address';
CREATE TABLE salesforce.contact (
  id varchar(18) PRIMARY KEY,
  user_id varchar,
  _user_id int GENERATED ALWAYS AS (CAST(user_id AS int)) STORED,
  stage public.stage DEFAULT 'lead'
);
CREATE TABLE public.membership (
  region text, code int, note text,
  FOREIGN KEY (region, code) REFERENCES public.users (region, code)
);
CREATE VIEW public.user_emails AS SELECT id, email FROM public.users;
CREATE VIEW public.user_counts AS SELECT region, count(*) AS n FROM public.users GROUP BY region;
CREATE MATERIALIZED VIEW salesforce.contact_ids AS SELECT id FROM salesforce.contact;
CREATE FUNCTION public.users_in(r text, lim int DEFAULT 10) RETURNS SETOF public.users
  LANGUAGE sql STABLE AS $$ SELECT * FROM public.users WHERE region = r LIMIT lim $$;
)sql";

// Creates the schema inside a transaction, reads the catalog there, and rolls back, so the
// shared cluster stays as it was.
asio::awaitable<Result<Catalog>> loadInTransaction(std::shared_ptr<Pool> pool) {
  auto connection = co_await pool->acquire();
  if (!connection) co_return std::unexpected(connection.error());
  auto setup = co_await connection->executeSimple(std::string("BEGIN;") + kSchema);
  if (!setup) co_return std::unexpected(setup.error());
  auto catalog = co_await introspect(*connection);
  auto rollback = co_await connection->executeSimple("ROLLBACK");
  if (!rollback) co_return std::unexpected(rollback.error());
  co_return catalog;
}

struct Refresh {
  Catalog whole_after;  // a whole read after the changes
  Catalog merged;       // the whole read before, with the changed tables read again
  Catalog partial;      // the read of just those tables
};

// Reads the schema whole, changes some tables, and reads just those again (all inside one
// transaction, rolled back).
asio::awaitable<Result<Refresh>> refreshInTransaction(std::shared_ptr<Pool> pool) {
  auto connection = co_await pool->acquire();
  if (!connection) co_return std::unexpected(connection.error());
  auto setup = co_await connection->executeSimple(std::string("BEGIN;") + kSchema);
  if (!setup) co_return std::unexpected(setup.error());
  auto before = co_await introspect(*connection);
  if (!before) co_return std::unexpected(before.error());
  auto change = co_await connection->executeSimple(
      "ALTER TABLE public.users ADD COLUMN nickname text; DROP VIEW public.user_counts;"
      "CREATE TYPE public.size AS ENUM ('s', 'l');"
      "CREATE TABLE salesforce.deal (id int PRIMARY KEY, size public.size,"
      "  user_id int REFERENCES public.users (id));");
  if (!change) co_return std::unexpected(change.error());
  std::vector<QualifiedName> asked = {{"public", "users"},
                                      {"public", "user_counts"},
                                      {"salesforce", "deal"},
                                      {"public", "no_such_table"}};
  auto partial = co_await introspectTables(*connection, asked);
  if (!partial) co_return std::unexpected(partial.error());
  auto after = co_await introspect(*connection);
  if (!after) co_return std::unexpected(after.error());
  auto rollback = co_await connection->executeSimple("ROLLBACK");
  if (!rollback) co_return std::unexpected(rollback.error());
  Catalog merged = before->withTables(*partial, asked);
  co_return Refresh{std::move(*after), std::move(merged), std::move(*partial)};
}

std::vector<std::string> columnNames(const Table& table) {
  std::vector<std::string> names;
  for (const Column& column : table.columns) names.push_back(column.name + " " + column.type);
  return names;
}

class CatalogTest : public PgTest {
 protected:
  Catalog load() {
    auto catalog = run(loadInTransaction(makePool(1)));
    EXPECT_TRUE(catalog.has_value()) << catalog.error().message();
    return catalog ? std::move(*catalog) : Catalog();
  }

  static const Function* findFunction(const Catalog& catalog, const QualifiedName& name) {
    for (const auto& f : catalog.functions()) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }
};

TEST_F(CatalogTest, DescribesTablesColumnsKeysAndComments) {
  Catalog catalog = load();
  const Table* users = catalog.findTable({"public", "users"});
  ASSERT_NE(users, nullptr);
  EXPECT_EQ(users->kind, RelationKind::kTable);
  EXPECT_EQ(users->comment, "People using the app");
  ASSERT_TRUE(users->primary_key.has_value());
  EXPECT_EQ(users->primary_key->columns, std::vector<std::string>{"id"});
  ASSERT_EQ(users->unique_constraints.size(), 2u);
  EXPECT_EQ(users->unique_constraints[1].columns, (std::vector<std::string>{"region", "code"}));

  const Column* email = users->findColumn("email");
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->type_kind, 'd');
  EXPECT_EQ(email->domain_base_type, "text");
  EXPECT_EQ(email->comment, "Login address");
  const Column* tags = users->findColumn("tags");
  ASSERT_NE(tags, nullptr);
  EXPECT_EQ(tags->type, "text[]");
  EXPECT_EQ(tags->type_category, 'A');
  EXPECT_EQ(tags->element_type, "text");
  EXPECT_EQ(users->findColumn("serial_no")->identity, 'a');
  EXPECT_FALSE(users->findColumn("id")->nullable);
  EXPECT_TRUE(users->insertable);
}

TEST_F(CatalogTest, DescribesSyncedSchemasGeneratedColumnsAndEnums) {
  Catalog catalog = load();
  const Table* contact = catalog.findTable({"salesforce", "contact"});
  ASSERT_NE(contact, nullptr);
  EXPECT_EQ(contact->findColumn("id")->type, "character varying(18)");
  const Column* generated = contact->findColumn("_user_id");
  ASSERT_NE(generated, nullptr);
  EXPECT_TRUE(generated->generated);
  const Column* stage = contact->findColumn("stage");
  EXPECT_EQ(stage->type_kind, 'e');
  EXPECT_EQ(stage->default_expr, "'lead'::stage");
  const EnumType* stage_type = nullptr;
  for (const auto& e : catalog.enums()) {
    if (e.name == QualifiedName{"public", "stage"}) stage_type = &e;
  }
  ASSERT_NE(stage_type, nullptr);
  EXPECT_EQ(stage_type->values, (std::vector<std::string>{"lead", "won", "lost"}));
  EXPECT_EQ(QualifiedName({"salesforce", "contact"}).display(), "salesforce.contact");
  EXPECT_EQ(QualifiedName({"public", "users"}).display(), "users");
}

TEST_F(CatalogTest, DescribesMultiColumnForeignKeysBothWays) {
  Catalog catalog = load();
  const Table* membership = catalog.findTable({"public", "membership"});
  ASSERT_NE(membership, nullptr);
  ASSERT_EQ(membership->foreign_keys.size(), 1u);
  const ForeignKey& fk = membership->foreign_keys[0];
  EXPECT_EQ(fk.referenced, (QualifiedName{"public", "users"}));
  ASSERT_EQ(fk.column_mapping.size(), 2u);
  EXPECT_EQ(fk.column_mapping[1], (std::pair<std::string, std::string>{"code", "code"}));
  auto incoming = catalog.referencing({"public", "users"});
  ASSERT_EQ(incoming.size(), 1u);
  EXPECT_EQ(incoming[0].first->name.name, "membership");
}

TEST_F(CatalogTest, DescribesViewsAndFunctions) {
  Catalog catalog = load();
  const Table* simple = catalog.findTable({"public", "user_emails"});
  ASSERT_NE(simple, nullptr);
  EXPECT_EQ(simple->kind, RelationKind::kView);
  EXPECT_TRUE(simple->insertable);  // a simple view is auto-updatable
  const Table* grouped = catalog.findTable({"public", "user_counts"});
  ASSERT_NE(grouped, nullptr);
  EXPECT_FALSE(grouped->insertable);
  EXPECT_EQ(catalog.findTable({"salesforce", "contact_ids"})->kind,
            RelationKind::kMaterializedView);
  const Function* found = findFunction(catalog, {"public", "users_in"});
  ASSERT_NE(found, nullptr);
  const Function& f = *found;
  EXPECT_TRUE(f.returns_set);
  EXPECT_TRUE(f.returns_table);
  EXPECT_EQ(f.volatility, 's');
  ASSERT_EQ(f.arguments.size(), 2u);
  EXPECT_EQ(f.arguments[0].name, "r");
  EXPECT_FALSE(f.arguments[0].has_default);
  EXPECT_TRUE(f.arguments[1].has_default);
  EXPECT_EQ(catalog.findTable({"hdb_catalog", "hdb_metadata"}), nullptr);
}

TEST_F(CatalogTest, ReadingSomeTablesAgainMatchesAWholeRead) {
  auto refresh = run(refreshInTransaction(makePool(1)));
  ASSERT_TRUE(refresh.has_value()) << refresh.error().message();
  // Only what was asked for, with every enum and no functions.
  ASSERT_EQ(refresh->partial.tables().size(), 2u);
  EXPECT_TRUE(refresh->partial.functions().empty());
  EXPECT_EQ(refresh->partial.enums().size(), refresh->whole_after.enums().size());

  const Catalog& merged = refresh->merged;
  const Catalog& whole = refresh->whole_after;
  EXPECT_EQ(merged.tables().size(), whole.tables().size());
  for (const Table& table : whole.tables()) {
    const Table* found = merged.findTable(table.name);
    ASSERT_NE(found, nullptr) << table.name.display();
    EXPECT_EQ(columnNames(*found), columnNames(table)) << table.name.display();
    EXPECT_EQ(found->foreign_keys.size(), table.foreign_keys.size()) << table.name.display();
  }
  EXPECT_EQ(merged.findTable({"public", "user_counts"}), nullptr);
  EXPECT_EQ(merged.findTable({"salesforce", "deal"})->columns[1].type_kind, 'e');
  EXPECT_EQ(merged.referencing({"public", "users"}).size(), 2u);
  EXPECT_EQ(merged.functions().size(), whole.functions().size());
  EXPECT_EQ(merged.enums().size(), whole.enums().size());
}

TEST(CatalogParseTest, RejectsGarbage) {
  EXPECT_FALSE(parseCatalog("not json").has_value());
  auto empty = parseCatalog(R"({"tables":[],"enums":[],"functions":[]})");
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->tables().empty());
}

}  // namespace
}  // namespace graft::pg::testing
