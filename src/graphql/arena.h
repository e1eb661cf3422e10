// Arena: the bump allocator that owns every node of one parsed GraphQL document (and the
// strings that had to be unescaped). It frees memory but never runs destructors, so only
// trivially destructible objects may live in it (checked at compile time). Not thread-safe:
// one arena belongs to one request; it may be moved, never copied.
#pragma once

#include <cstddef>
#include <cstring>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

namespace graft::graphql {

class Arena {
 public:
  // The first chunk is allocated lazily, so an unused arena costs nothing.
  explicit Arena(size_t first_chunk_bytes = 4096);
  ~Arena();
  Arena(Arena&& other) noexcept;
  Arena& operator=(Arena&& other) noexcept;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Uninitialized storage. REQUIRES: align is a power of two not above alignof(max_align_t).
  void* allocate(size_t bytes, size_t align);

  template <typename T, typename... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "the arena never runs destructors");
    return ::new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }

  // A copy of `items` in the arena (empty input gives an empty span without allocating).
  template <typename T>
  std::span<const T> copyArray(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>, "arena arrays are copied bytewise");
    if (items.empty()) return {};
    T* data = static_cast<T*>(allocate(items.size_bytes(), alignof(T)));
    std::memcpy(data, items.data(), items.size_bytes());
    return {data, items.size()};
  }

  std::string_view copyString(std::string_view text);

  // Frees everything but the largest chunk, which is kept for the next document.
  void reset();

  // Bytes obtained from the system (all chunks), for limits and metrics.
  size_t bytesReserved() const { return reserved_; }

 private:
  struct Chunk {
    Chunk* next;
    size_t size;  // usable bytes after the header
  };

  void* allocateSlow(size_t bytes, size_t align);
  void freeChunks(Chunk* chunk);
  static char* chunkData(Chunk* chunk) { return reinterpret_cast<char*>(chunk + 1); }

  Chunk* head_ = nullptr;  // newest chunk first
  char* cursor_ = nullptr;
  char* end_ = nullptr;
  size_t next_chunk_bytes_;
  size_t reserved_ = 0;
};

}  // namespace graft::graphql
