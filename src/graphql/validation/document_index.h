// The executable definitions of a document and what each one references, gathered by one
// syntactic pass before the rules run: fragments by name, the fragment spreads and variable
// uses of every operation and fragment, and the fragments each operation reaches. Built once
// per validate() call and read-only afterwards; it points into the document. One thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/ast.h"

namespace graft::graphql::validation {

struct SpreadSite {
  const ast::FragmentSpread* spread;
  // The path of the selection set holding the spread, relative to its definition's root
  // selection set: "" at the root, ".author.selectionSet" one field down (fields are named by
  // field name, as in Hasura's paths; inline fragments add nothing).
  std::string path;
};

// An operation or a fragment definition.
struct DefinitionInfo {
  const ast::OperationDefinition* operation = nullptr;  // exactly one of the two is set
  const ast::FragmentDefinition* fragment = nullptr;
  std::vector<SpreadSite> spreads;              // document order
  std::vector<const ast::Variable*> variables;  // every use, directives included, document order

  std::string_view name() const { return operation ? operation->name : fragment->name; }
  ast::List<ast::Selection> selectionSet() const {
    return operation ? operation->selection_set : fragment->selection_set;
  }
};

// One fragment spread met by DocumentIndex::walkSpreads.
struct SpreadEvent {
  const ast::FragmentSpread& spread;
  uint32_t target;                    // the fragment it names, or DocumentIndex::kNone
  bool closes_cycle;                  // the target is one of `walking`
  std::string_view path;              // Hasura's path of the selection set holding the spread
  std::span<const uint32_t> walking;  // the fragments being walked, outermost first
};

class DocumentIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  explicit DocumentIndex(const ast::Document& document);

  const ast::Document& document() const { return document_; }
  const std::vector<DefinitionInfo>& operations() const { return operations_; }
  // Document order, duplicate names included.
  const std::vector<DefinitionInfo>& fragments() const { return fragments_; }
  // The first fragment definition with that name (an index into fragments()), or kNone.
  uint32_t findFragment(std::string_view name) const;
  // The fragments an operation reaches through spreads, directly or not, each once, in
  // depth-first order: indexes into fragments().
  const std::vector<uint32_t>& reachableFragments(size_t operation) const {
    return reachable_[operation];
  }
  // The rules that look at each operation with the fragments it reaches take time in the sum,
  // over operations, of those fragments' spreads and variables: quadratic in the document's
  // size for a document of many operations spreading many fragments. Past a bound the
  // reachable sets are left incomplete and the document must be rejected as a whole.
  bool tooComplex() const { return too_complex_; }

  // Walks the spreads depth first from each operation in document order, then from each
  // fragment no operation reaches (its path starts `$.<name>`), entering every fragment once, at
  // its first spread. Iterative: spread chains are as long as the document allows. Stops when
  // `visit` returns false.
  void walkSpreads(const std::function<bool(const SpreadEvent&)>& visit) const;

 private:
  const ast::Document& document_;
  std::vector<DefinitionInfo> operations_;
  std::vector<DefinitionInfo> fragments_;
  std::unordered_map<std::string_view, uint32_t> fragments_by_name_;
  std::vector<std::vector<uint32_t>> reachable_;
  bool too_complex_ = false;
};

}  // namespace graft::graphql::validation
