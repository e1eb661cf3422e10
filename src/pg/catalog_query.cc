// The one statement that reads a source's catalog as a JSON document. Kept apart from the
// parsing code because it is long and is read as SQL, not C++.
#include <string>
#include <string_view>

#include "pg/catalog.h"

namespace graft::pg {

namespace {

constexpr const char* kCatalogQuery = R"sql(
WITH user_relations AS (
  SELECT c.oid, n.nspname, c.relname, c.relkind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'hdb_catalog')
     AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
     AND NOT c.relispartition
     /*tables*/
),
-- Every table's foreign keys at once: a correlated subquery per table would join pg_class
-- again for each.
foreign_keys AS (
  SELECT con.conrelid,
         json_agg(json_build_object(
           'name', con.conname,
           'ref_schema', rn.nspname,
           'ref_table', rc.relname,
           'columns', (
             SELECT json_agg(json_build_array(sa.attname, ra.attname) ORDER BY k.ord)
               FROM unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(ours, theirs, ord)
               JOIN pg_attribute sa ON sa.attrelid = con.conrelid AND sa.attnum = k.ours
               JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.theirs))
           ORDER BY con.conname) AS list
    FROM pg_constraint con
    JOIN pg_class rc ON rc.oid = con.confrelid
    JOIN pg_namespace rn ON rn.oid = rc.relnamespace
   WHERE con.contype = 'f' AND con.conrelid IN (SELECT oid FROM user_relations)
   GROUP BY con.conrelid
)
SELECT json_build_object(
  'tables', COALESCE((
    SELECT json_agg(json_build_object(
      'oid', r.oid::bigint,
      'schema', r.nspname,
      'name', r.relname,
      'kind', r.relkind,
      'comment', obj_description(r.oid, 'pg_class'),
      'columns', COALESCE((
        SELECT json_agg(json_build_object(
          'name', a.attname,
          'position', a.attnum,
          'type', format_type(a.atttypid, a.atttypmod),
          'type_schema', tn.nspname,
          'type_name', ty.typname,
          'type_oid', a.atttypid,
          'type_kind', ty.typtype,
          'type_category', ty.typcategory,
          'element_type', et.typname,
          'domain_base_type', CASE WHEN ty.typtype = 'd'
                                   THEN format_type(ty.typbasetype, ty.typtypmod) END,
          'nullable', NOT a.attnotnull,
          'default', pg_get_expr(d.adbin, d.adrelid),
          'identity', NULLIF(a.attidentity, ''),
          'generated', a.attgenerated = 's',
          'comment', col_description(r.oid, a.attnum)) ORDER BY a.attnum)
          FROM pg_attribute a
          JOIN pg_type ty ON ty.oid = a.atttypid
          JOIN pg_namespace tn ON tn.oid = ty.typnamespace
          LEFT JOIN pg_type et ON et.oid = ty.typelem AND ty.typcategory = 'A'
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]'),
      'primary_key', (
        SELECT json_build_object('name', con.conname, 'columns', (
                 SELECT json_agg(att.attname ORDER BY k.ord)
                   FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum))
          FROM pg_constraint con WHERE con.conrelid = r.oid AND con.contype = 'p'),
      'unique_constraints', COALESCE((
        SELECT json_agg(json_build_object('name', con.conname, 'columns', (
                 SELECT json_agg(att.attname ORDER BY k.ord)
                   FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum))
                 ORDER BY con.conname)
          FROM pg_constraint con WHERE con.conrelid = r.oid AND con.contype = 'u'), '[]'),
      'foreign_keys', COALESCE(fk.list, '[]'),
      -- pg_relation_is_updatable: bit 4 UPDATE, 8 INSERT, 16 DELETE.
      'insertable', r.relkind IN ('r', 'p') OR pg_relation_is_updatable(r.oid, false) & 8 = 8,
      'updatable', r.relkind IN ('r', 'p') OR pg_relation_is_updatable(r.oid, false) & 4 = 4,
      'deletable', r.relkind IN ('r', 'p') OR pg_relation_is_updatable(r.oid, false) & 16 = 16)
      ORDER BY r.nspname, r.relname)
      FROM user_relations r LEFT JOIN foreign_keys fk ON fk.conrelid = r.oid), '[]'),
  'enums', COALESCE((
    SELECT json_agg(json_build_object(
             'schema', n.nspname, 'name', t.typname,
             'values', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
                          FROM pg_enum e WHERE e.enumtypid = t.oid))
             ORDER BY n.nspname, t.typname)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typtype = 'e'
       AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'hdb_catalog')), '[]'),
  'functions', COALESCE((
    SELECT json_agg(json_build_object(
             'schema', n.nspname, 'name', p.proname, 'oid', p.oid::bigint,
             'return_schema', rtn.nspname, 'return_type', rt.typname,
             'returns_set', p.proretset,
             'returns_table', rt.typrelid <> 0,
             'volatility', p.provolatile,
             'arg_names', COALESCE(to_json(p.proargnames), '[]'),
             'arg_types', (SELECT COALESCE(json_agg(json_build_array(atn.nspname, at.typname, at.typtype)
                                                    ORDER BY k.ord), '[]')
                             FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS k(oid, ord)
                             JOIN pg_type at ON at.oid = k.oid
                             JOIN pg_namespace atn ON atn.oid = at.typnamespace),
             'defaults', p.pronargdefaults,
             'comment', obj_description(p.oid, 'pg_proc'))
             ORDER BY n.nspname, p.proname, p.oid)
      FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace
      JOIN pg_type rt ON rt.oid = p.prorettype
      JOIN pg_namespace rtn ON rtn.oid = rt.typnamespace
     WHERE p.prokind = 'f'
       -- Extensions' functions (PostGIS has thousands) are not the user's to track.
       AND NOT EXISTS (SELECT 1 FROM pg_depend dep
                        WHERE dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid
                          AND dep.deptype = 'e')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'hdb_catalog')
       AND n.nspname NOT LIKE 'pg\_toast%'
       /*functions*/), '[]')
)::text
)sql";

// The query text with the comment `marker` replaced.
void fill(std::string& query, std::string_view marker, std::string_view text) {
  query.replace(query.find(marker), marker.size(), text);
}

}  // namespace

const char* catalogQuery() { return kCatalogQuery; }

const std::string& tablesCatalogQuery() {
  static const std::string query = [] {
    std::string filtered = kCatalogQuery;
    fill(filtered, "/*tables*/",
         "AND (n.nspname, c.relname) IN "
         "(SELECT t->>0, t->>1 FROM json_array_elements($1::json) AS t)");
    fill(filtered, "/*functions*/", "AND false");
    return filtered;
  }();
  return query;
}

}  // namespace graft::pg
