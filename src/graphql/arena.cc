#include "graphql/arena.h"

#include <algorithm>
#include <cstdint>

namespace graft::graphql {
namespace {

// Chunks double up to this size; bigger requests get a chunk of their own.
constexpr size_t kMaxChunkBytes = 1 << 20;

}  // namespace

Arena::Arena(size_t first_chunk_bytes)
    : next_chunk_bytes_(std::max<size_t>(first_chunk_bytes, 256)) {}

Arena::~Arena() { freeChunks(head_); }

Arena::Arena(Arena&& other) noexcept
    : head_(std::exchange(other.head_, nullptr)),
      cursor_(std::exchange(other.cursor_, nullptr)),
      end_(std::exchange(other.end_, nullptr)),
      next_chunk_bytes_(other.next_chunk_bytes_),
      reserved_(std::exchange(other.reserved_, 0)) {}

Arena& Arena::operator=(Arena&& other) noexcept {
  if (this != &other) {
    freeChunks(head_);
    head_ = std::exchange(other.head_, nullptr);
    cursor_ = std::exchange(other.cursor_, nullptr);
    end_ = std::exchange(other.end_, nullptr);
    next_chunk_bytes_ = other.next_chunk_bytes_;
    reserved_ = std::exchange(other.reserved_, 0);
  }
  return *this;
}

void* Arena::allocate(size_t bytes, size_t align) {
  auto address = reinterpret_cast<uintptr_t>(cursor_);
  uintptr_t aligned = (address + align - 1) & ~(uintptr_t{align} - 1);
  // Compared as sizes so that an empty arena (null cursor) and huge requests cannot overflow.
  if (cursor_ != nullptr && aligned - address + bytes <= static_cast<size_t>(end_ - cursor_)) {
    cursor_ = reinterpret_cast<char*>(aligned + bytes);
    return reinterpret_cast<void*>(aligned);
  }
  return allocateSlow(bytes, align);
}

void* Arena::allocateSlow(size_t bytes, size_t align) {
  static_assert(sizeof(Chunk) % alignof(std::max_align_t) == 0,
                "the chunk header keeps the data maximally aligned");
  size_t want = bytes + align;
  size_t size = std::max(want, next_chunk_bytes_);
  auto* chunk = static_cast<Chunk*>(::operator new(sizeof(Chunk) + size));
  chunk->size = size;
  reserved_ += size;
  if (want > next_chunk_bytes_ && head_ != nullptr) {
    // An oversized block goes behind the current chunk so the free space there is kept.
    chunk->next = head_->next;
    head_->next = chunk;
    auto address = reinterpret_cast<uintptr_t>(chunkData(chunk));
    return reinterpret_cast<void*>((address + align - 1) & ~(uintptr_t{align} - 1));
  }
  chunk->next = head_;
  head_ = chunk;
  cursor_ = chunkData(chunk);
  end_ = cursor_ + size;
  next_chunk_bytes_ = std::min(next_chunk_bytes_ * 2, kMaxChunkBytes);
  return allocate(bytes, align);
}

std::string_view Arena::copyString(std::string_view text) {
  if (text.empty()) return {};
  char* data = static_cast<char*>(allocate(text.size(), 1));
  std::memcpy(data, text.data(), text.size());
  return {data, text.size()};
}

void Arena::reset() {
  Chunk* keep = nullptr;
  for (Chunk* c = head_; c != nullptr; c = c->next) {
    if (keep == nullptr || c->size > keep->size) keep = c;
  }
  Chunk* c = head_;
  while (c != nullptr) {
    Chunk* next = c->next;
    if (c != keep) ::operator delete(c);
    c = next;
  }
  head_ = keep;
  reserved_ = 0;
  cursor_ = end_ = nullptr;
  if (keep != nullptr) {
    keep->next = nullptr;
    reserved_ = keep->size;
    cursor_ = chunkData(keep);
    end_ = cursor_ + keep->size;
  }
}

void Arena::freeChunks(Chunk* chunk) {
  while (chunk != nullptr) {
    Chunk* next = chunk->next;
    ::operator delete(chunk);
    chunk = next;
  }
}

}  // namespace graft::graphql
