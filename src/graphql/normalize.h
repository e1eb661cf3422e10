// The normalised form of one operation, what the stages after validation consume: fragments
// inlined, @skip/@include applied, fields of the same response key merged, arguments matched
// to their definitions with defaults filled in, and each composite selection split by the
// object types it can produce (spec 6.3.2 CollectFields). It lives in the request's Arena and
// points into the document and the schema, which must outlive it. Any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "common/result.h"
#include "graphql/arena.h"
#include "graphql/ast.h"
#include "graphql/coerce.h"
#include "graphql/schema.h"

namespace graft::graphql {

struct NormalizedArgument {
  const InputValue* definition;
  // The literal as written (it may be or contain a variable), or the argument's default from
  // the schema when the argument was omitted or fed by an absent variable.
  const ast::Value* value;
};

struct NormalizedField;

// The fields to produce for results of one object type.
struct TypedSelection {
  const NamedType* type;
  std::span<const NormalizedField> fields;
};

struct NormalizedField {
  std::string_view response_key;
  const Field* definition;  // from the schema; __typename, __schema and __type included
  const NamedType* parent;  // the object type this field was collected for
  // Only the arguments given or defaulted, in the schema's order.
  std::span<const NormalizedArgument> arguments;
  // Composite results: one entry for an object type; for an interface or union, one per
  // possible object type that selects at least one field (a missing type produces `{}`).
  std::span<const TypedSelection> selections;
  const ast::Field* node;  // the first of the merged fields, for locations

  std::string_view name() const { return definition->name; }
  const NormalizedArgument* findArgument(std::string_view name) const;
  // The sub-selection for results of `type` (empty when it selects nothing).
  std::span<const NormalizedField> fieldsFor(const NamedType& type) const;
  // The sub-selection when the field's type is an object type.
  std::span<const NormalizedField> fields() const {
    return selections.empty() ? std::span<const NormalizedField>() : selections.front().fields;
  }
};

struct NormalizedOperation {
  const ast::OperationDefinition* definition;
  const NamedType* root;
  std::span<const NormalizedField> fields;
};

struct NormalizeLimits {
  uint32_t max_depth = 256;     // nesting of the normalised result, fragments inlined
  size_t max_fields = 100'000;  // normalised fields in all (fragment fan-out)
};

// Hasura's choice of operation: by name (`no such operation found in the document: "x"`),
// or the only one (`exactly one operation has to be present in the document when
// operationName is not specified`).
Result<const ast::OperationDefinition*> selectOperation(const ast::Document& document,
                                                        std::string_view operation_name);

// REQUIRES: the document passed validate(); `variables` come from coerceVariableValues for
// this operation. Fails only on the limits or a missing root type (`no mutations exist`).
Result<NormalizedOperation> normalize(const Schema& schema, const ast::Document& document,
                                      const ast::OperationDefinition& operation,
                                      const VariableValues& variables, Arena& arena,
                                      const NormalizeLimits& limits = {});

}  // namespace graft::graphql
