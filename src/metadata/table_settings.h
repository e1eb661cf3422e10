// Commands that change settings of a tracked table or relationship without adding objects:
// set_table_customization / set_table_custom_fields, set_table_is_enum, rename_relationship,
// set_relationship_comment (and their pg_ forms). They edit a metadata document; pure, any
// thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::metadata {

// pg_set_table_customization {table, configuration}, or the legacy set_table_custom_fields
// {table, custom_root_fields, custom_column_names} (`legacy`).
Status setTableCustomization(boost::json::object& metadata, const pg::Catalog& catalog,
                             const boost::json::value& args, bool legacy);

// {table, is_enum}: an enum table has a single-column text primary key and at most one other
// column (its description), as Hasura requires.
Status setTableIsEnum(boost::json::object& metadata, const pg::Catalog& catalog,
                      const boost::json::value& args);

// {table, name, new_name}
Status renameRelationship(boost::json::object& metadata, const pg::Catalog& catalog,
                          const boost::json::value& args);

// {table, relationship, comment}
Status setRelationshipComment(boost::json::object& metadata, const boost::json::value& args);

}  // namespace graft::metadata
