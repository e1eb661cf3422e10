// TypeRegistry: the type names and type bodies that schemas built with it share. Each name gets
// a small id, stable for the registry's lifetime; each body is stored once per distinct content
// (hash-consed), so that schemas generated from one metadata snapshot for different roles keep
// one copy of every type they have in common. Thread-safe: schemas may be built concurrently
// with one registry. It lives as long as the longest-lived schema built with it (each Schema
// holds it through a shared_ptr) and never forgets a name or a body.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/arena.h"
#include "graphql/schema.h"

namespace graft::graphql {

class TypeRegistry {
 public:
  TypeRegistry() = default;
  TypeRegistry(const TypeRegistry&) = delete;
  TypeRegistry& operator=(const TypeRegistry&) = delete;

  // The TypeName of `name`, made on first use.
  const TypeName* name(std::string_view name);
  // How many names the registry has given out (every id is below this).
  size_t nameCount();

  // A body equal to `body` (kind, descriptions, fields, arguments, default values, enum values,
  // input fields, tags, deprecations; not its index): an existing one, or `body` itself, adopted.
  // `defaults` holds the default values `body` points at; the registry keeps it when it adopts a
  // body that has any.
  const TypeBody* intern(std::unique_ptr<TypeBody> body, const std::shared_ptr<Arena>& defaults);

  // Bodies stored (distinct contents), for tests and benchmarks.
  size_t bodyCount();

 private:
  std::mutex mutex_;
  std::deque<TypeName> names_;
  std::unordered_map<std::string_view, const TypeName*> by_name_;
  std::unordered_multimap<size_t, std::unique_ptr<TypeBody>> bodies_;  // by content hash
  std::vector<std::shared_ptr<Arena>> arenas_;
};

}  // namespace graft::graphql
