// pg_suggest_relationships: the relationships the foreign keys between tracked tables allow,
// as Hasura suggests them to its console. For each foreign key from table A to tracked table
// B: an object relationship A -> B, and back from B an object relationship when A's columns
// are a unique constraint of A, else an array one. Pure functions over a resolved source.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "metadata/resolved.h"
#include "pg/catalog.h"

namespace graft::metadata {

struct SuggestRelationshipsArgs {
  std::string source = "default";
  // Only foreign keys from or to one of these; all tracked tables when unset.
  std::optional<std::vector<pg::QualifiedName>> tables;
  // Leave out foreign keys that a relationship of their table already follows.
  bool omit_tracked = false;
};

// args: {source?, tables?: [table name] | null, omit_tracked?: bool}.
Result<SuggestRelationshipsArgs> parseSuggestRelationshipsArgs(const boost::json::value& args);

// {"relationships": [{type, from: {table, columns, constraint_name?}, to: {...}}]}, in the
// order of the tracked tables and of each table's foreign keys.
boost::json::value suggestRelationships(const ResolvedSource& source,
                                        const SuggestRelationshipsArgs& args);

}  // namespace graft::metadata
