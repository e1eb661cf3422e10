#include "graphql/schema.h"

#include <algorithm>
#include <array>

namespace graft::graphql {

std::string_view typeKindName(TypeKind kind) {
  switch (kind) {
    case TypeKind::kScalar:
      return "SCALAR";
    case TypeKind::kObject:
      return "OBJECT";
    case TypeKind::kInterface:
      return "INTERFACE";
    case TypeKind::kUnion:
      return "UNION";
    case TypeKind::kEnum:
      return "ENUM";
    case TypeKind::kInputObject:
      return "INPUT_OBJECT";
  }
  return "SCALAR";
}

// ---- TypeRef ----

TypeRef TypeRef::ofType() const {
  TypeRef inner = *this;
  if (isNonNull()) {
    inner.non_null_mask_ &= ~1u;
  } else {
    inner.non_null_mask_ >>= 1;
    inner.list_depth_ -= 1;
  }
  return inner;
}

TypeRef TypeRef::nonNull() const {
  TypeRef wrapped = *this;
  wrapped.non_null_mask_ |= 1u;
  return wrapped;
}

TypeRef TypeRef::listOf() const {
  TypeRef wrapped = *this;
  wrapped.non_null_mask_ <<= 1;
  wrapped.list_depth_ += 1;
  return wrapped;
}

void TypeRef::appendTo(std::string& out) const {
  for (uint8_t level = 0; level < list_depth_; ++level) out += '[';
  out += name_ != nullptr ? std::string_view(name_->name) : std::string_view("?");
  if ((non_null_mask_ >> list_depth_) & 1u) out += '!';
  for (int level = list_depth_ - 1; level >= 0; --level) {
    out += ']';
    if ((non_null_mask_ >> level) & 1u) out += '!';
  }
}

std::string TypeRef::toString() const {
  std::string out;
  appendTo(out);
  return out;
}

// ---- Lookups ----

namespace {

// Below this many entries a linear scan beats hashing the name.
constexpr size_t kIndexThreshold = 12;

template <typename T>
const T* findByName(std::span<const T> items,
                    const std::unordered_map<std::string_view, uint32_t>& index,
                    std::string_view name) {
  if (items.size() < kIndexThreshold) {
    for (const T& item : items) {
      if (item.name == name) return &item;
    }
    return nullptr;
  }
  auto found = index.find(name);
  return found == index.end() ? nullptr : &items[found->second];
}

}  // namespace

const InputValue* Field::findArgument(std::string_view arg_name) const {
  for (const InputValue& arg : arguments) {
    if (arg.name == arg_name) return &arg;
  }
  return nullptr;
}

const InputValue* DirectiveDef::findArgument(std::string_view arg_name) const {
  for (const InputValue& arg : arguments) {
    if (arg.name == arg_name) return &arg;
  }
  return nullptr;
}

bool DirectiveDef::allowedAt(ast::DirectiveLocation location) const {
  return std::ranges::find(locations, location) != locations.end();
}

const Field* NamedType::findField(std::string_view field_name) const {
  return findByName<Field>(body_->fields, body_->index, field_name);
}

const EnumValue* NamedType::findEnumValue(std::string_view value_name) const {
  return findByName<EnumValue>(body_->enum_values, body_->index, value_name);
}

const InputValue* NamedType::findInputField(std::string_view field_name) const {
  return findByName<InputValue>(body_->input_fields, body_->index, field_name);
}

bool NamedType::isPossibleType(const NamedType& object) const {
  if (kind_ == TypeKind::kObject) return &object == this;
  std::span<const NamedType* const> possible = possibleTypes();
  return std::ranges::find(possible, &object) != possible.end();
}

// ---- Schema ----

const NamedType* Schema::rootType(ast::OperationType operation) const {
  switch (operation) {
    case ast::OperationType::kQuery:
      return query_;
    case ast::OperationType::kMutation:
      return mutation_;
    case ast::OperationType::kSubscription:
      return subscription_;
  }
  return nullptr;
}

const NamedType* Schema::findType(std::string_view name) const {
  if (types_by_name_.empty()) return nullptr;
  size_t mask = types_by_name_.size() - 1;
  for (size_t i = std::hash<std::string_view>{}(name)&mask;; i = (i + 1) & mask) {
    const NamedType* type = types_by_name_[i];
    if (type == nullptr || type->name() == name) return type;
  }
}

TypeRef Schema::resolve(const ast::Type& type) const {
  if (const auto* non_null = ast::dynCast<ast::NonNullType>(&type)) {
    TypeRef inner = resolve(*non_null->type);
    return inner.valid() ? inner.nonNull() : inner;
  }
  if (const auto* list = ast::dynCast<ast::ListType>(&type)) {
    TypeRef inner = resolve(*list->type);
    if (!inner.valid() || inner.listDepth() >= TypeRef::kMaxListDepth) return TypeRef();
    return inner.listOf();
  }
  return TypeRef(findType(ast::cast<ast::NamedType>(type).name));
}

const DirectiveDef* Schema::findDirective(std::string_view name) const {
  for (const DirectiveDef* directive : directives_) {
    if (directive->name == name) return directive;
  }
  return nullptr;
}

bool Schema::isSubType(const NamedType& abstract, const NamedType& maybe_sub) const {
  if (&abstract == &maybe_sub) return true;
  if (abstract.kind() == TypeKind::kUnion) return abstract.isPossibleType(maybe_sub);
  if (abstract.kind() == TypeKind::kInterface) {
    if (maybe_sub.kind() == TypeKind::kObject) return abstract.isPossibleType(maybe_sub);
    if (maybe_sub.kind() == TypeKind::kInterface) {
      return std::ranges::find(maybe_sub.interfaces(), &abstract) != maybe_sub.interfaces().end();
    }
  }
  return false;
}

bool Schema::overlap(const NamedType& a, const NamedType& b) const {
  if (&a == &b) return true;
  if (a.isAbstract()) {
    if (b.isAbstract()) {
      for (const NamedType* object : a.possibleTypes()) {
        if (b.isPossibleType(*object)) return true;
      }
      return false;
    }
    return a.isPossibleType(b);
  }
  return b.isAbstract() && b.isPossibleType(a);
}

const Field* Schema::findFieldIncludingMeta(const NamedType& parent, std::string_view name) const {
  if (name.starts_with("__")) {
    if (name == "__typename") return parent.isComposite() ? typename_field_.get() : nullptr;
    if (&parent == query_) {
      if (name == "__schema") return schema_field_.get();
      if (name == "__type") return type_field_.get();
    }
  }
  return parent.findField(name);
}

bool Schema::isBuiltinType(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kScalars = {"Int", "Float", "String", "Boolean",
                                                               "ID"};
  return name.starts_with("__") || std::ranges::find(kScalars, name) != kScalars.end();
}

bool Schema::isBuiltinDirective(std::string_view name) {
  return name == "skip" || name == "include" || name == "deprecated" || name == "specifiedBy";
}

}  // namespace graft::graphql
