#include "graphql/validation/overlapping_fields.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graphql/concat.h"

namespace graft::graphql::validation {

namespace {

// Field comparisons, response-name lookups and fragment pairs looked at per validate() call:
// ~100 ms at worst, far beyond what real documents need (the work grows with the square of the
// fields that share a response name, and of the fragments spread side by side).
constexpr size_t kWorkBudget = size_t{1} << 20;
// Nesting of sub-selection comparisons, which may run through chains of fragments and so is
// not bounded by the parser's depth limit.
constexpr uint32_t kMaxNesting = 512;
constexpr uint32_t kNoCollected = 0;  // Collected ids start at 1

struct FieldRef {
  const NamedType* parent;  // null when unknown
  const ast::Field* node;
  const Field* definition;  // null when unknown
};

struct FieldGroup {
  std::string_view key;
  std::vector<FieldRef> fields;
};

// The fields a selection set gathers by response name (through inline fragments, not
// spreads) and the fragments it spreads.
struct Collected {
  uint32_t id;
  std::vector<FieldGroup> groups;  // first-seen order
  std::unordered_map<std::string_view, uint32_t> by_key;
  std::vector<uint32_t> fragments;  // indexes into DocumentIndex::fragments(), each once

  const FieldGroup* find(std::string_view key) const {
    auto found = by_key.find(key);
    return found == by_key.end() ? nullptr : &groups[found->second];
  }
};

// The innermost conflict, at `path` below the selection set where the comparison started.
struct Conflict {
  std::string path;
  std::string message;
};

bool sameValue(const ast::Value& a, const ast::Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case ast::Kind::kVariable:
      return ast::cast<ast::Variable>(a).name == ast::cast<ast::Variable>(b).name;
    case ast::Kind::kIntValue:
      return ast::cast<ast::IntValue>(a).text == ast::cast<ast::IntValue>(b).text;
    case ast::Kind::kFloatValue:
      return ast::cast<ast::FloatValue>(a).text == ast::cast<ast::FloatValue>(b).text;
    case ast::Kind::kStringValue:
      return ast::cast<ast::StringValue>(a).value == ast::cast<ast::StringValue>(b).value;
    case ast::Kind::kBooleanValue:
      return ast::cast<ast::BooleanValue>(a).value == ast::cast<ast::BooleanValue>(b).value;
    case ast::Kind::kEnumValue:
      return ast::cast<ast::EnumValue>(a).value == ast::cast<ast::EnumValue>(b).value;
    case ast::Kind::kListValue: {
      const auto& x = ast::cast<ast::ListValue>(a).values;
      const auto& y = ast::cast<ast::ListValue>(b).values;
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!sameValue(*x[i], *y[i])) return false;
      }
      return true;
    }
    case ast::Kind::kObjectValue: {
      const auto& x = ast::cast<ast::ObjectValue>(a).fields;
      const auto& y = ast::cast<ast::ObjectValue>(b).fields;
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (x[i]->name != y[i]->name || !sameValue(*x[i]->value, *y[i]->value)) return false;
      }
      return true;
    }
    default:
      return true;  // null
  }
}

// Argument order does not matter; object field order does, as in graphql-js (which compares
// printed values).
bool sameArguments(ast::List<ast::Argument> a, ast::List<ast::Argument> b) {
  if (a.size() != b.size()) return false;
  for (const ast::Argument* x : a) {
    const ast::Argument* match = nullptr;
    for (const ast::Argument* y : b) {
      if (y->name == x->name) {
        match = y;
        break;
      }
    }
    if (match == nullptr || !sameValue(*x->value, *match->value)) return false;
  }
  return true;
}

// Shapes that cannot merge: different list or non-null wrapping, or different leaf types.
// Composite types are compared through their sub-selections instead.
bool typesConflict(const Schema& schema, TypeRef a, TypeRef b) {
  if (a.isList()) return !b.isList() || typesConflict(schema, a.ofType(), b.ofType());
  if (b.isList()) return true;
  if (a.isNonNull()) return !b.isNonNull() || typesConflict(schema, a.ofType(), b.ofType());
  if (b.isNonNull()) return true;
  if (schema.named(a).isLeaf() || schema.named(b).isLeaf()) return !a.sameNamed(b);
  return false;
}

const NamedType* compositeOrNull(const NamedType* type) {
  return type != nullptr && type->isComposite() ? type : nullptr;
}

}  // namespace

class FieldMergeChecker::Impl {
 public:
  explicit Impl(Context& ctx)
      : ctx_(ctx), spread_seen_by_(ctx.index().fragments().size(), kNoCollected) {}

  void check(const NamedType* parent, ast::List<ast::Selection> selections) {
    if (exhausted_) return;
    std::vector<Conflict> conflicts;
    const Collected& collected = collect(parent, selections);
    within(conflicts, collected);
    const auto& fragments = collected.fragments;
    for (size_t i = 0; i < fragments.size() && !exhausted_; ++i) {
      fieldsAndFragment(conflicts, false, collected, fragments[i]);
      for (size_t j = i + 1; j < fragments.size() && !exhausted_; ++j) {
        betweenFragments(conflicts, false, fragments[i], fragments[j]);
      }
    }
    for (Conflict& conflict : conflicts) {
      ctx_.reportAt(concat({ctx_.path(), conflict.path}), std::move(conflict.message));
    }
    if (exhausted_) {
      ctx_.reportAt("$",
                    "the query is too complex to check that the fields selected under one name "
                    "can be merged");
    }
  }

 private:
  // False once the budget is spent; then every comparison stops.
  bool spend() {
    if (++work_ > kWorkBudget) exhausted_ = true;
    return !exhausted_;
  }

  const Collected& collect(const NamedType* parent, ast::List<ast::Selection> selections) {
    // The parent type of a selection set follows from where it stands in the document, so
    // the selections alone identify the result.
    auto [it, inserted] = collected_.try_emplace(selections.data());
    if (inserted) {
      it->second = std::make_unique<Collected>();
      it->second->id = static_cast<uint32_t>(collected_.size());
      collectInto(*it->second, parent, selections);
    }
    return *it->second;
  }

  void collectInto(Collected& out, const NamedType* parent, ast::List<ast::Selection> selections) {
    for (const ast::Selection* selection : selections) {
      if (const auto* field = ast::dynCast<ast::Field>(selection)) {
        const Field* definition = parent != nullptr
                                      ? ctx_.schema().findFieldIncludingMeta(*parent, field->name)
                                      : nullptr;
        auto [it, inserted] =
            out.by_key.try_emplace(field->responseKey(), static_cast<uint32_t>(out.groups.size()));
        if (inserted) out.groups.push_back({field->responseKey(), {}});
        out.groups[it->second].fields.push_back({parent, field, definition});
      } else if (const auto* spread = ast::dynCast<ast::FragmentSpread>(selection)) {
        uint32_t target = ctx_.index().findFragment(spread->name);
        if (target == DocumentIndex::kNone || spread_seen_by_[target] == out.id) continue;
        spread_seen_by_[target] = out.id;
        out.fragments.push_back(target);
      } else {
        const auto& inline_fragment = ast::cast<ast::InlineFragment>(*selection);
        const NamedType* type = parent;
        if (inline_fragment.type_condition != nullptr) {
          type = compositeOrNull(ctx_.schema().findType(inline_fragment.type_condition->name));
        }
        collectInto(out, type, inline_fragment.selection_set);
      }
    }
  }

  const Collected& fragmentFields(uint32_t fragment) {
    const ast::FragmentDefinition& definition = *ctx_.index().fragments()[fragment].fragment;
    const NamedType* type =
        compositeOrNull(ctx_.schema().findType(definition.type_condition->name));
    return collect(type, definition.selection_set);
  }

  // graphql-js's PairSet: a comparison of two field sets as mutually exclusive is implied by
  // one that was not. True when the comparison is still to do (and records it).
  static bool firstComparison(std::unordered_map<uint64_t, bool>& done, uint64_t key,
                              bool mutually_exclusive) {
    auto [it, inserted] = done.try_emplace(key, mutually_exclusive);
    if (inserted) return true;
    if (mutually_exclusive || !it->second) return false;
    it->second = false;
    return true;
  }

  void within(std::vector<Conflict>& out, const Collected& collected) {
    for (const FieldGroup& group : collected.groups) {
      for (size_t i = 0; i < group.fields.size(); ++i) {
        for (size_t j = i + 1; j < group.fields.size(); ++j) {
          if (auto conflict = findConflict(false, group.key, group.fields[i], group.fields[j])) {
            out.push_back(std::move(*conflict));
          }
          if (exhausted_) return;
        }
      }
    }
  }

  void between(std::vector<Conflict>& out, bool mutually_exclusive, const Collected& a,
               const Collected& b) {
    for (const FieldGroup& group : a.groups) {
      if (!spend()) return;
      const FieldGroup* other = b.find(group.key);
      if (other == nullptr) continue;
      for (const FieldRef& x : group.fields) {
        for (const FieldRef& y : other->fields) {
          if (auto conflict = findConflict(mutually_exclusive, group.key, x, y)) {
            out.push_back(std::move(*conflict));
          }
          if (exhausted_) return;
        }
      }
    }
  }

  // The fields of `fields` against those of a fragment and of the fragments it spreads. A
  // worklist rather than recursion: spread chains are as long as the document allows.
  void fieldsAndFragment(std::vector<Conflict>& out, bool mutually_exclusive,
                         const Collected& fields, uint32_t fragment) {
    // Nothing to compare: spares walking the fragments a fragment spreads, which chain.
    if (fields.groups.empty()) return;
    std::vector<uint32_t> work = {fragment};
    while (!work.empty() && spend()) {
      uint32_t next = work.back();
      work.pop_back();
      uint64_t key = (uint64_t{fields.id} << 32) | next;
      if (!firstComparison(compared_with_fragment_, key, mutually_exclusive)) continue;
      const Collected& other = fragmentFields(next);
      if (&other == &fields) continue;
      between(out, mutually_exclusive, fields, other);
      work.insert(work.end(), other.fragments.rbegin(), other.fragments.rend());
    }
  }

  void betweenFragments(std::vector<Conflict>& out, bool mutually_exclusive, uint32_t first,
                        uint32_t second) {
    std::vector<std::pair<uint32_t, uint32_t>> work = {{first, second}};
    while (!work.empty() && spend()) {
      auto [a, b] = work.back();
      work.pop_back();
      if (a == b) continue;
      uint64_t key = a < b ? (uint64_t{a} << 32) | b : (uint64_t{b} << 32) | a;
      if (!firstComparison(compared_fragments_, key, mutually_exclusive)) continue;
      const Collected& x = fragmentFields(a);
      const Collected& y = fragmentFields(b);
      between(out, mutually_exclusive, x, y);
      for (uint32_t spread : y.fragments) work.emplace_back(a, spread);
      for (uint32_t spread : x.fragments) work.emplace_back(spread, b);
    }
  }

  void subSelections(std::vector<Conflict>& out, bool mutually_exclusive, const FieldRef& a,
                     const FieldRef& b) {
    const NamedType* type_a =
        a.definition ? compositeOrNull(&ctx_.schema().named(a.definition->type)) : nullptr;
    const NamedType* type_b =
        b.definition ? compositeOrNull(&ctx_.schema().named(b.definition->type)) : nullptr;
    const Collected& x = collect(type_a, a.node->selection_set);
    const Collected& y = collect(type_b, b.node->selection_set);
    between(out, mutually_exclusive, x, y);
    for (size_t i = 0; i < y.fragments.size() && !exhausted_; ++i) {
      fieldsAndFragment(out, mutually_exclusive, x, y.fragments[i]);
    }
    for (size_t i = 0; i < x.fragments.size() && !exhausted_; ++i) {
      fieldsAndFragment(out, mutually_exclusive, y, x.fragments[i]);
    }
    for (size_t i = 0; i < x.fragments.size() && !exhausted_; ++i) {
      for (size_t j = 0; j < y.fragments.size() && !exhausted_; ++j) {
        betweenFragments(out, mutually_exclusive, x.fragments[i], y.fragments[j]);
      }
    }
  }

  std::optional<Conflict> findConflict(bool parents_exclusive, std::string_view key,
                                       const FieldRef& a, const FieldRef& b) {
    if (!spend()) return std::nullopt;
    // Different object types can never describe the same result object: such fields never
    // meet, so only their shapes must agree.
    bool exclusive =
        parents_exclusive ||
        (a.parent != b.parent && a.parent != nullptr && b.parent != nullptr &&
         a.parent->kind() == TypeKind::kObject && b.parent->kind() == TypeKind::kObject);
    if (!exclusive) {
      if (a.node->name != b.node->name) {
        return Conflict{"", concat({"selection of both ", quoteName(a.node->name), " and ",
                                    quoteName(b.node->name), " specify the same response name, ",
                                    quoteName(key)})};
      }
      if (!sameArguments(a.node->arguments, b.node->arguments)) {
        return Conflict{"", concat({"inconsistent arguments between multiple selections of field ",
                                    quoteName(a.node->name)})};
      }
    }
    if (a.definition != nullptr && b.definition != nullptr &&
        typesConflict(ctx_.schema(), a.definition->type, b.definition->type)) {
      return Conflict{
          "", concat({"fields ", quoteName(key), " conflict because they return conflicting types ",
                      quoteName(a.definition->type.toString()), " and ",
                      quoteName(b.definition->type.toString()),
                      "; use different aliases on the fields to fetch both if this "
                      "was intentional"})};
    }
    if (a.node->selection_set.empty() || b.node->selection_set.empty()) return std::nullopt;
    if (nesting_ >= kMaxNesting) {
      exhausted_ = true;
      return std::nullopt;
    }
    ++nesting_;
    std::vector<Conflict> inner;
    subSelections(inner, exclusive, a, b);
    --nesting_;
    if (inner.empty()) return std::nullopt;
    Conflict conflict = std::move(inner.front());
    conflict.path = concat({".", a.node->name, ".selectionSet", conflict.path});
    return conflict;
  }

  Context& ctx_;
  std::unordered_map<const ast::Selection* const*, std::unique_ptr<Collected>> collected_;
  std::unordered_map<uint64_t, bool> compared_fragments_;      // fragment pairs
  std::unordered_map<uint64_t, bool> compared_with_fragment_;  // (Collected::id, fragment)
  // spread_seen_by_[fragment] == the Collected::id that listed it last: spreads of one
  // fragment are listed once per selection set.
  std::vector<uint32_t> spread_seen_by_;
  size_t work_ = 0;
  uint32_t nesting_ = 0;
  bool exhausted_ = false;
};

FieldMergeChecker::FieldMergeChecker(Context& ctx) : impl_(std::make_unique<Impl>(ctx)) {}

FieldMergeChecker::~FieldMergeChecker() = default;

void FieldMergeChecker::check(const NamedType* parent, ast::List<ast::Selection> selections) {
  impl_->check(parent, selections);
}

}  // namespace graft::graphql::validation
