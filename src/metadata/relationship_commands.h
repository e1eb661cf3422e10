// The relationship commands: create_object_relationship / create_array_relationship (and
// their pg_ forms) and drop_relationship, on a metadata document, checked against the tracked
// tables and the source's catalog. Pure functions of their inputs; callable from any thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::metadata {

enum class RelationshipKind { kObject, kArray };

struct CreateRelationshipArgs {
  std::string source = "default";
  pg::QualifiedName table;
  std::string name;
  boost::json::value using_;   // as given: foreign_key_constraint_on or manual_configuration
  boost::json::value comment;  // null when absent
};

struct DropRelationshipArgs {
  std::string source = "default";
  pg::QualifiedName table;
  std::string relationship;
  bool cascade = false;
};

// Where a relationship leads: the remote table and the column pairs (this table's column,
// the remote table's column) that join them.
struct RelationshipTarget {
  pg::QualifiedName table;
  std::vector<std::pair<std::string, std::string>> mapping;
  bool local_foreign_key = false;  // a foreign key of this table (not the remote's, not manual)
  // manual_configuration's insertion_order: "before_parent" or "after_parent".
  std::optional<std::string> insertion_order = {};
};

// Resolves a relationship's `using` (foreign_key_constraint_on on either side, or
// manual_configuration) against the source's metadata entry (tracked tables) and catalog.
Result<RelationshipTarget> resolveUsing(const boost::json::object& source,
                                        const pg::Catalog& catalog, const pg::Table& table,
                                        RelationshipKind kind, const boost::json::value& using_);

Result<CreateRelationshipArgs> parseCreateRelationshipArgs(const boost::json::value& args);
// The tables a new relationship is about, before anything is checked: its own, and the remote
// one when `using` names it (foreign_key_constraint_on {table, column} or manual_configuration's
// remote_table).
std::vector<pg::QualifiedName> relationshipTables(const CreateRelationshipArgs& args);
Result<DropRelationshipArgs> parseDropRelationshipArgs(const boost::json::value& args);

Status createRelationship(boost::json::object& metadata, const pg::Catalog& catalog,
                          RelationshipKind kind, const CreateRelationshipArgs& args);
Status dropRelationship(boost::json::object& metadata, const DropRelationshipArgs& args);

}  // namespace graft::metadata
