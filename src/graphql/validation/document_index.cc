#include "graphql/validation/document_index.h"

namespace graft::graphql::validation {

namespace {

// Fragments, spreads and variable uses looked at for all operations together (see
// tooComplex()): tens of milliseconds, where real documents need a few thousand.
constexpr size_t kMaxReachWork = size_t{1} << 22;

// Collects the spreads and variable uses under one definition. Recursion depth is bounded by
// the parser's nesting limit.
class Collector {
 public:
  explicit Collector(DefinitionInfo& info) : info_(info) {}

  void directives(ast::List<ast::Directive> list) {
    for (const ast::Directive* directive : list) arguments(directive->arguments);
  }

  void selections(ast::List<ast::Selection> list) {
    for (const ast::Selection* selection : list) {
      if (const auto* field = ast::dynCast<ast::Field>(selection)) {
        arguments(field->arguments);
        directives(field->directives);
        if (field->selection_set.empty()) continue;
        size_t size = path_.size();
        path_.append(".").append(field->name).append(".selectionSet");
        selections(field->selection_set);
        path_.resize(size);
      } else if (const auto* spread = ast::dynCast<ast::FragmentSpread>(selection)) {
        directives(spread->directives);
        info_.spreads.push_back({spread, path_});
      } else {
        const auto& inline_fragment = ast::cast<ast::InlineFragment>(*selection);
        directives(inline_fragment.directives);
        selections(inline_fragment.selection_set);
      }
    }
  }

 private:
  void arguments(ast::List<ast::Argument> list) {
    for (const ast::Argument* argument : list) value(*argument->value);
  }

  void value(const ast::Value& value) {
    if (const auto* variable = ast::dynCast<ast::Variable>(&value)) {
      info_.variables.push_back(variable);
    } else if (const auto* list = ast::dynCast<ast::ListValue>(&value)) {
      for (const ast::Value* item : list->values) this->value(*item);
    } else if (const auto* object = ast::dynCast<ast::ObjectValue>(&value)) {
      for (const ast::ObjectField* field : object->fields) this->value(*field->value);
    }
  }

  DefinitionInfo& info_;
  std::string path_;
};

}  // namespace

DocumentIndex::DocumentIndex(const ast::Document& document) : document_(document) {
  for (const ast::Definition* definition : document.definitions) {
    DefinitionInfo info;
    if (const auto* operation = ast::dynCast<ast::OperationDefinition>(definition)) {
      info.operation = operation;
      Collector collector(info);
      collector.directives(operation->directives);
      collector.selections(operation->selection_set);
      operations_.push_back(std::move(info));
    } else if (const auto* fragment = ast::dynCast<ast::FragmentDefinition>(definition)) {
      info.fragment = fragment;
      Collector collector(info);
      collector.directives(fragment->directives);
      collector.selections(fragment->selection_set);
      fragments_by_name_.emplace(fragment->name, static_cast<uint32_t>(fragments_.size()));
      fragments_.push_back(std::move(info));
    }
  }

  // An explicit stack rather than recursion: spread chains are not bounded by the parser's
  // nesting limit.
  std::vector<uint32_t> seen(fragments_.size(), kNone);
  std::vector<uint32_t> stack;
  reachable_.resize(operations_.size());
  size_t work = 0;
  for (uint32_t op = 0; op < operations_.size() && !too_complex_; ++op) {
    auto push = [&](const std::vector<SpreadSite>& spreads) {
      for (auto it = spreads.rbegin(); it != spreads.rend(); ++it) {
        uint32_t target = findFragment(it->spread->name);
        if (target != kNone && seen[target] != op) stack.push_back(target);
      }
    };
    push(operations_[op].spreads);
    while (!stack.empty()) {
      uint32_t fragment = stack.back();
      stack.pop_back();
      if (seen[fragment] == op) continue;
      seen[fragment] = op;
      reachable_[op].push_back(fragment);
      const DefinitionInfo& info = fragments_[fragment];
      work += 1 + info.spreads.size() + info.variables.size();
      if (work > kMaxReachWork) {
        too_complex_ = true;
        break;
      }
      push(info.spreads);
    }
  }
}

void DocumentIndex::walkSpreads(const std::function<bool(const SpreadEvent&)>& visit) const {
  enum class State : uint8_t { kNew, kWalking, kDone };
  std::vector<State> state(fragments_.size(), State::kNew);
  std::vector<uint32_t> walking;
  struct Frame {
    const DefinitionInfo* definition;
    size_t next_spread;
    size_t path_size;  // the path of the definition's root selection set
  };
  std::vector<Frame> frames;
  std::string path;

  auto walk = [&](const DefinitionInfo& root, std::string base) {
    path = std::move(base);
    frames.push_back({&root, 0, path.size()});
    while (!frames.empty()) {
      Frame& frame = frames.back();
      path.resize(frame.path_size);
      if (frame.next_spread == frame.definition->spreads.size()) {
        if (frame.definition->fragment != nullptr) {
          state[walking.back()] = State::kDone;
          walking.pop_back();
        }
        frames.pop_back();
        continue;
      }
      const SpreadSite& site = frame.definition->spreads[frame.next_spread++];
      path += site.path;
      uint32_t target = findFragment(site.spread->name);
      bool entered = target != kNone && state[target] == State::kWalking;
      if (!visit(SpreadEvent{*site.spread, target, entered, path, walking})) return false;
      if (target == kNone || state[target] != State::kNew) continue;
      state[target] = State::kWalking;
      walking.push_back(target);
      path.append(".").append(site.spread->name).append(".selectionSet");
      frames.push_back({&fragments_[target], 0, path.size()});
    }
    return true;
  };

  for (const DefinitionInfo& operation : operations_) {
    if (!walk(operation, "$.selectionSet")) return;
  }
  for (uint32_t i = 0; i < fragments_.size(); ++i) {
    if (state[i] != State::kNew) continue;
    state[i] = State::kWalking;
    walking.push_back(i);
    std::string base = "$.";
    base.append(fragments_[i].name()).append(".selectionSet");
    if (!walk(fragments_[i], std::move(base))) return;
  }
}

uint32_t DocumentIndex::findFragment(std::string_view name) const {
  auto found = fragments_by_name_.find(name);
  return found == fragments_by_name_.end() ? kNone : found->second;
}

}  // namespace graft::graphql::validation
