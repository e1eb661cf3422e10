// Applying a parsed SDL document to a SchemaBuilder; shared by buildSchemaFromSdl and the
// builder's own built-in prelude. Same threading rules as SchemaBuilder.
#pragma once

#include "common/result.h"
#include "graphql/ast.h"

namespace graft::graphql {
class SchemaBuilder;
}

namespace graft::graphql::detail {

// Definitions first, then extensions; sets the root types from `schema { }` (or the default
// names) when `set_roots`.
Status applySdl(SchemaBuilder& builder, const ast::Document& document, bool set_roots);

// The built-in scalars, introspection types and directives (October 2021).
void applyBuiltins(SchemaBuilder& builder);

}  // namespace graft::graphql::detail
