#include "planner/params.h"

#include "pg/quote.h"

namespace graft::planner {

int Params::add(std::optional<std::string> text) {
  values_.push_back(std::move(text));
  return static_cast<int>(values_.size());
}

std::string typeText(const pg::Column& column) {
  return pg::quoteQualified(column.type_name.schema, column.type_name.name);
}

}  // namespace graft::planner
