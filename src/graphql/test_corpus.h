// Documents shared by the tests, the fuzz seeds and the benchmark: graphql-js's introspection
// query and kitchen sinks, and a Hasura-style query of ~1.5 KB. Static data; any thread.
#pragma once

#include <string_view>

namespace graft::graphql::testing {

extern const std::string_view kIntrospectionQuery;
extern const std::string_view kKitchenSinkQuery;
extern const std::string_view kKitchenSinkSchema;
// Variables, fragments, nested arguments with bool_exp-like objects, aliases, directives.
extern const std::string_view kHasuraStyleQuery;

}  // namespace graft::graphql::testing
