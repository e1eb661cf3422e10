#include "graphql/type_registry.h"

#include <functional>

#include "graphql/printer.h"

namespace graft::graphql {

namespace {

// Content hashing and equality of bodies. Type references compare by TypeName, which the
// registry makes unique per name; default values by their printed text (they are rare).

void mix(size_t& seed, size_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2);
}
void mix(size_t& seed, std::string_view text) { mix(seed, std::hash<std::string_view>{}(text)); }
void mix(size_t& seed, const TypeRef& ref) {
  mix(seed, std::hash<const void*>{}(ref.typeName()));
  mix(seed, (static_cast<size_t>(ref.nonNullMask()) << 8) | ref.listDepth());
}
void mix(size_t& seed, const Deprecation& deprecation) {
  mix(seed, static_cast<size_t>(deprecation.deprecated));
  if (deprecation.deprecated) mix(seed, deprecation.reason);
}
void mix(size_t& seed, const InputValue& value) {
  mix(seed, value.name);
  mix(seed, value.description);
  mix(seed, value.type);
  mix(seed, static_cast<size_t>(value.default_value != nullptr));
  mix(seed, value.deprecation);
}

size_t hashOf(const TypeBody& body) {
  size_t seed = static_cast<size_t>(body.kind);
  mix(seed, body.description);
  mix(seed, body.specified_by_url);
  mix(seed, static_cast<size_t>(body.tag));
  for (const Field& field : body.fields) {
    mix(seed, field.name);
    mix(seed, field.description);
    for (const InputValue& argument : field.arguments) mix(seed, argument);
    mix(seed, field.arguments.size());
    mix(seed, field.type);
    mix(seed, field.deprecation);
    mix(seed, static_cast<size_t>(field.tag));
  }
  for (const EnumValue& value : body.enum_values) {
    mix(seed, value.name);
    mix(seed, value.description);
    mix(seed, value.deprecation);
  }
  for (const InputValue& value : body.input_fields) mix(seed, value);
  mix(seed, body.fields.size() * 31 + body.enum_values.size() * 7 + body.input_fields.size());
  return seed;
}

bool sameDefault(const ast::Value* a, const ast::Value* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return print(*a, PrintStyle::kCompact) == print(*b, PrintStyle::kCompact);
}

bool sameDeprecation(const Deprecation& a, const Deprecation& b) {
  return a.deprecated == b.deprecated && (!a.deprecated || a.reason == b.reason);
}

bool sameInputs(const std::vector<InputValue>& a, const std::vector<InputValue>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].description != b[i].description || a[i].type != b[i].type ||
        !sameDeprecation(a[i].deprecation, b[i].deprecation) ||
        !sameDefault(a[i].default_value, b[i].default_value)) {
      return false;
    }
  }
  return true;
}

bool sameBody(const TypeBody& a, const TypeBody& b) {
  if (a.kind != b.kind || a.tag != b.tag || a.description != b.description ||
      a.specified_by_url != b.specified_by_url || a.fields.size() != b.fields.size() ||
      a.enum_values.size() != b.enum_values.size() || !sameInputs(a.input_fields, b.input_fields)) {
    return false;
  }
  for (size_t i = 0; i < a.fields.size(); ++i) {
    const Field& x = a.fields[i];
    const Field& y = b.fields[i];
    if (x.name != y.name || x.tag != y.tag || x.type != y.type || x.description != y.description ||
        !sameDeprecation(x.deprecation, y.deprecation) || !sameInputs(x.arguments, y.arguments)) {
      return false;
    }
  }
  for (size_t i = 0; i < a.enum_values.size(); ++i) {
    const EnumValue& x = a.enum_values[i];
    const EnumValue& y = b.enum_values[i];
    if (x.name != y.name || x.description != y.description ||
        !sameDeprecation(x.deprecation, y.deprecation)) {
      return false;
    }
  }
  return true;
}

bool hasDefaults(const TypeBody& body) {
  auto any = [](const std::vector<InputValue>& values) {
    for (const InputValue& value : values) {
      if (value.default_value != nullptr) return true;
    }
    return false;
  };
  if (any(body.input_fields)) return true;
  for (const Field& field : body.fields) {
    if (any(field.arguments)) return true;
  }
  return false;
}

}  // namespace

const TypeName* TypeRegistry::name(std::string_view name) {
  std::lock_guard lock(mutex_);
  auto found = by_name_.find(name);
  if (found != by_name_.end()) return found->second;
  TypeName& made =
      names_.emplace_back(TypeName{std::string(name), static_cast<uint32_t>(names_.size())});
  by_name_.emplace(made.name, &made);
  return &made;
}

size_t TypeRegistry::nameCount() {
  std::lock_guard lock(mutex_);
  return names_.size();
}

const TypeBody* TypeRegistry::intern(std::unique_ptr<TypeBody> body,
                                     const std::shared_ptr<Arena>& defaults) {
  size_t hash = hashOf(*body);  // outside the lock: the body is still the caller's
  bool with_defaults = hasDefaults(*body);
  std::lock_guard lock(mutex_);
  auto [begin, end] = bodies_.equal_range(hash);
  for (auto it = begin; it != end; ++it) {
    if (sameBody(*it->second, *body)) return it->second.get();
  }
  if (with_defaults && (arenas_.empty() || arenas_.back() != defaults)) arenas_.push_back(defaults);
  return bodies_.emplace(hash, std::move(body))->second.get();
}

size_t TypeRegistry::bodyCount() {
  std::lock_guard lock(mutex_);
  return bodies_.size();
}

}  // namespace graft::graphql
