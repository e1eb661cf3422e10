#include "graphql/normalize.h"

#include <unordered_map>
#include <vector>

#include "graphql/concat.h"

namespace graft::graphql {

const NormalizedArgument* NormalizedField::findArgument(std::string_view name) const {
  for (const NormalizedArgument& argument : arguments) {
    if (argument.definition->name == name) return &argument;
  }
  return nullptr;
}

std::span<const NormalizedField> NormalizedField::fieldsFor(const NamedType& type) const {
  for (const TypedSelection& selection : selections) {
    if (selection.type == &type) return selection.fields;
  }
  return {};
}

Result<const ast::OperationDefinition*> selectOperation(const ast::Document& document,
                                                        std::string_view operation_name) {
  const ast::OperationDefinition* only = nullptr;
  size_t count = 0;
  for (const ast::Definition* definition : document.definitions) {
    const auto* operation = ast::dynCast<ast::OperationDefinition>(definition);
    if (operation == nullptr) continue;
    if (!operation_name.empty() && operation->name == operation_name) return operation;
    only = operation;
    ++count;
  }
  if (!operation_name.empty()) {
    return std::unexpected(Error::validationFailed(
        concat({"no such operation found in the document: \"", operation_name, "\""})));
  }
  if (count != 1) {
    return std::unexpected(Error::validationFailed(
        "exactly one operation has to be present in the document when operationName is not "
        "specified"));
  }
  return only;
}

namespace {

class Normalizer {
 public:
  Normalizer(const Schema& schema, const ast::Document& document, const VariableValues& variables,
             Arena& arena, const NormalizeLimits& limits)
      : schema_(schema), variables_(variables), arena_(arena), limits_(limits) {
    for (const ast::Definition* definition : document.definitions) {
      if (const auto* fragment = ast::dynCast<ast::FragmentDefinition>(definition)) {
        fragments_.emplace(fragment->name, fragment);
      }
    }
  }

  Result<std::span<const NormalizedField>> selectionFor(
      const NamedType& object, std::span<const ast::List<ast::Selection>> selection_sets,
      uint32_t depth) {
    if (depth > limits_.max_depth) return std::unexpected(tooDeep());
    Groups groups;
    std::vector<std::string_view> visited;
    for (ast::List<ast::Selection> selections : selection_sets) {
      GRAFT_CHECK(collect(object, selections, groups, visited, depth));
    }
    field_count_ += groups.list.size();
    if (field_count_ > limits_.max_fields) {
      return std::unexpected(Error::validationFailed(
          concat({"the query selects more than ", std::to_string(limits_.max_fields),
                  " fields once its fragments are expanded"})));
    }
    std::vector<NormalizedField> fields;
    fields.reserve(groups.list.size());
    for (const Group& group : groups.list) {
      GRAFT_TRY(NormalizedField field, normalizeField(object, group, depth));
      fields.push_back(field);
    }
    return arena_.copyArray(std::span<const NormalizedField>(fields));
  }

 private:
  struct Group {
    std::string_view key;
    std::vector<const ast::Field*> nodes;
  };
  // Response keys in the order of their first appearance; a hash index once there are many.
  struct Groups {
    static constexpr size_t kIndexThreshold = 16;
    std::vector<Group> list;
    std::unordered_map<std::string_view, size_t> index;

    Group& of(std::string_view key) {
      if (list.size() < kIndexThreshold) {
        for (Group& group : list) {
          if (group.key == key) return group;
        }
      } else {
        if (index.empty()) {
          for (size_t i = 0; i < list.size(); ++i) index.emplace(list[i].key, i);
        }
        auto [found, inserted] = index.try_emplace(key, list.size());
        if (!inserted) return list[found->second];
      }
      return list.emplace_back(Group{key, {}});
    }
  };

  Error tooDeep() const {
    return Error::validationFailed(
        concat({"the query is nested more than ", std::to_string(limits_.max_depth),
                " levels deep once its fragments are expanded"}));
  }

  bool included(ast::List<ast::Directive> directives) const {
    for (const ast::Directive* directive : directives) {
      bool skip = directive->name == "skip";
      if (!skip && directive->name != "include") continue;
      for (const ast::Argument* argument : directive->arguments) {
        if (argument->name != "if") continue;
        boost::json::value condition = literalToJson(*argument->value, variables_);
        bool value = condition.is_bool() && condition.get_bool();
        if (skip == value) return false;
      }
    }
    return true;
  }

  // The spec's DoesFragmentTypeApply.
  bool applies(const NamedType& object, const ast::NamedType* condition) const {
    if (condition == nullptr) return true;
    const NamedType* type = schema_.findType(condition->name);
    return type != nullptr && type->isPossibleType(object);
  }

  Status collect(const NamedType& object, ast::List<ast::Selection> selections, Groups& groups,
                 std::vector<std::string_view>& visited, uint32_t depth) {
    if (depth > limits_.max_depth) return std::unexpected(tooDeep());
    for (const ast::Selection* selection : selections) {
      if (const auto* field = ast::dynCast<ast::Field>(selection)) {
        if (!included(field->directives)) continue;
        groups.of(field->responseKey()).nodes.push_back(field);
      } else if (const auto* spread = ast::dynCast<ast::FragmentSpread>(selection)) {
        if (!included(spread->directives)) continue;
        if (std::ranges::find(visited, spread->name) != visited.end()) continue;
        visited.push_back(spread->name);
        auto found = fragments_.find(spread->name);
        if (found == fragments_.end() || !applies(object, found->second->type_condition)) continue;
        GRAFT_CHECK(collect(object, found->second->selection_set, groups, visited, depth + 1));
      } else {
        const auto& inline_fragment = ast::cast<ast::InlineFragment>(*selection);
        if (!included(inline_fragment.directives)) continue;
        if (!applies(object, inline_fragment.type_condition)) continue;
        GRAFT_CHECK(collect(object, inline_fragment.selection_set, groups, visited, depth + 1));
      }
    }
    return {};
  }

  std::span<const NormalizedArgument> arguments(const Field& definition, const ast::Field& node) {
    std::vector<NormalizedArgument> arguments;
    for (const InputValue& argument : definition.arguments) {
      const ast::Value* value = nullptr;
      for (const ast::Argument* given : node.arguments) {
        if (given->name == argument.name) value = given->value;
      }
      if (const auto* variable = ast::dynCast<ast::Variable>(value)) {
        if (!variables_.contains(variable->name)) value = nullptr;
      }
      if (value == nullptr) value = argument.default_value;
      if (value != nullptr) arguments.push_back({&argument, value});
    }
    return arena_.copyArray(std::span<const NormalizedArgument>(arguments));
  }

  Result<NormalizedField> normalizeField(const NamedType& object, const Group& group,
                                         uint32_t depth) {
    const ast::Field& first = *group.nodes.front();
    const Field* definition = schema_.findFieldIncludingMeta(object, first.name);
    if (definition == nullptr) {  // validate() rules this out; stay safe anyway
      return std::unexpected(Error::validationFailed(
          concat({"field \"", first.name, "\" not found in type: '", object.name(), "'"})));
    }
    NormalizedField field{group.key, definition, &object, arguments(*definition, first),
                          {},        &first};
    const NamedType& result_type = schema_.named(definition->type);
    if (!result_type.isComposite()) return field;

    std::vector<ast::List<ast::Selection>> sub_selections;
    sub_selections.reserve(group.nodes.size());
    for (const ast::Field* node : group.nodes) sub_selections.push_back(node->selection_set);

    std::vector<TypedSelection> selections;
    if (result_type.kind() == TypeKind::kObject) {
      GRAFT_TRY(auto fields, selectionFor(result_type, sub_selections, depth + 1));
      selections.push_back({&result_type, fields});
    } else {
      for (const NamedType* possible : result_type.possibleTypes()) {
        GRAFT_TRY(auto fields, selectionFor(*possible, sub_selections, depth + 1));
        if (!fields.empty()) selections.push_back({possible, fields});
      }
    }
    field.selections = arena_.copyArray(std::span<const TypedSelection>(selections));
    return field;
  }

  const Schema& schema_;
  const VariableValues& variables_;
  Arena& arena_;
  const NormalizeLimits& limits_;
  std::unordered_map<std::string_view, const ast::FragmentDefinition*> fragments_;
  size_t field_count_ = 0;
};

}  // namespace

Result<NormalizedOperation> normalize(const Schema& schema, const ast::Document& document,
                                      const ast::OperationDefinition& operation,
                                      const VariableValues& variables, Arena& arena,
                                      const NormalizeLimits& limits) {
  const NamedType* root = schema.rootType(operation.operation);
  if (root == nullptr) {
    return std::unexpected(Error::validationFailed(
        operation.operation == ast::OperationType::kMutation ? "no mutations exist"
                                                             : "no subscriptions exist"));
  }
  Normalizer normalizer(schema, document, variables, arena, limits);
  ast::List<ast::Selection> selection = operation.selection_set;
  GRAFT_TRY(auto fields, normalizer.selectionFor(*root, std::span(&selection, 1), 0));
  return NormalizedOperation{&operation, root, fields};
}

}  // namespace graft::graphql
