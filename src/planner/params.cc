#include "planner/params.h"

namespace graft::planner {

int Params::add(std::optional<std::string> text) {
  values_.push_back(std::move(text));
  return static_cast<int>(values_.size());
}

}  // namespace graft::planner
