#include "graphql/arena.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace graft::graphql {
namespace {

struct Pair {
  int64_t a;
  int32_t b;
};

TEST(ArenaTest, EmptyArenaReservesNothing) {
  Arena arena;
  EXPECT_EQ(arena.bytesReserved(), 0u);
  EXPECT_TRUE(arena.copyString("").empty());
  EXPECT_EQ(arena.bytesReserved(), 0u);
}

TEST(ArenaTest, AllocationsAreAlignedAndDistinct) {
  Arena arena(256);
  std::vector<Pair*> pairs;
  for (int i = 0; i < 1000; ++i) {
    arena.allocate(1, 1);  // misalign the cursor on purpose
    Pair* p = arena.make<Pair>(Pair{i, -i});
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % alignof(Pair), 0u);
    pairs.push_back(p);
  }
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(pairs[i]->a, i);
    EXPECT_EQ(pairs[i]->b, -i);
  }
  auto* max_aligned = static_cast<char*>(arena.allocate(3, alignof(std::max_align_t)));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(max_aligned) % alignof(std::max_align_t), 0u);
}

TEST(ArenaTest, LargeAllocationsGetTheirOwnChunkAndKeepTheCurrentOne) {
  Arena arena(1024);
  char* small = static_cast<char*>(arena.allocate(16, 1));
  size_t before = arena.bytesReserved();
  std::string big(1 << 21, 'x');
  std::string_view copy = arena.copyString(big);
  EXPECT_EQ(copy, big);
  EXPECT_GE(arena.bytesReserved(), before + big.size());
  // The next small allocation still comes from the first chunk.
  char* next = static_cast<char*>(arena.allocate(16, 1));
  EXPECT_EQ(next, small + 16);
}

TEST(ArenaTest, CopiesAndArrays) {
  Arena arena;
  std::string text = "hello";
  std::string_view copy = arena.copyString(text);
  text[0] = 'j';
  EXPECT_EQ(copy, "hello");
  std::vector<int> numbers = {1, 2, 3};
  std::span<const int> array = arena.copyArray(std::span<const int>(numbers));
  numbers[0] = 9;
  ASSERT_EQ(array.size(), 3u);
  EXPECT_EQ(array[0], 1);
  EXPECT_TRUE(arena.copyArray(std::span<const int>()).empty());
}

TEST(ArenaTest, ResetKeepsTheLargestChunk) {
  Arena arena(256);
  for (int i = 0; i < 10000; ++i) arena.allocate(64, 8);
  size_t grown = arena.bytesReserved();
  arena.reset();
  EXPECT_GT(arena.bytesReserved(), 0u);
  EXPECT_LT(arena.bytesReserved(), grown);
  size_t kept = arena.bytesReserved();
  arena.allocate(64, 8);
  EXPECT_EQ(arena.bytesReserved(), kept);
}

TEST(ArenaTest, MoveTransfersOwnership) {
  Arena arena;
  std::string_view copy = arena.copyString("kept alive");
  Arena moved(std::move(arena));
  EXPECT_EQ(copy, "kept alive");
  EXPECT_GT(moved.bytesReserved(), 0u);
  Arena assigned;
  assigned.copyString("replaced");
  assigned = std::move(moved);
  EXPECT_EQ(copy, "kept alive");
}

}  // namespace
}  // namespace graft::graphql
