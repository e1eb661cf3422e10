// graphql_parser_fuzz_smoke: the fuzz target of parser_fuzz.cc driven without libFuzzer (GCC
// 12 has none, and clang 14 cannot compile <expected>): up to kMaxInputs inputs mutated from a
// seed corpus by a fixed-seed RNG, within a time budget. Deterministic apart from where the
// budget cuts it. Exit status 0 when no input aborted or crashed.
// Longer runs by hand: graphql_parser_fuzz_smoke [seed [seconds [max-inputs]]].
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/test_corpus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

constexpr size_t kMaxInputs = 200'000;
constexpr std::chrono::seconds kBudget{5};
constexpr uint64_t kSeed = 20211026;  // the October 2021 spec's date

// Fragments that steer mutations into the interesting corners of the lexer and parser.
const std::vector<std::string_view> kDictionary = {"{",
                                                   "}",
                                                   "(",
                                                   ")",
                                                   "[",
                                                   "]",
                                                   "...",
                                                   ":",
                                                   "$",
                                                   "@",
                                                   "!",
                                                   "=",
                                                   "|",
                                                   "&",
                                                   ",",
                                                   " ",
                                                   "\n",
                                                   "\r",
                                                   "\r\n",
                                                   "\t",
                                                   "#",
                                                   "\"",
                                                   "\"\"\"",
                                                   "\\\"\"\"",
                                                   "\\",
                                                   "\\u",
                                                   "\\u{",
                                                   "\\uD83D",
                                                   "\\uDE00",
                                                   "\\u{10FFFF}",
                                                   "\\n",
                                                   "0",
                                                   "-",
                                                   "1",
                                                   "-0.5e3",
                                                   "1e",
                                                   "00",
                                                   ".",
                                                   "query",
                                                   "mutation",
                                                   "subscription",
                                                   "fragment",
                                                   "on",
                                                   "type",
                                                   "extend",
                                                   "schema",
                                                   "scalar",
                                                   "interface",
                                                   "union",
                                                   "enum",
                                                   "input",
                                                   "directive",
                                                   "repeatable",
                                                   "implements",
                                                   "true",
                                                   "false",
                                                   "null",
                                                   "FIELD",
                                                   "a",
                                                   "_b",
                                                   "\xEF\xBB\xBF",
                                                   "\xC3\xA9",
                                                   "\xF0\x9F\x98\x80",
                                                   "\xFF",
                                                   "\xED\xA0\x80",
                                                   std::string_view("\0", 1)};

const std::vector<std::string_view> kSeeds = {
    graft::graphql::testing::kIntrospectionQuery,
    graft::graphql::testing::kKitchenSinkQuery,
    graft::graphql::testing::kKitchenSinkSchema,
    graft::graphql::testing::kHasuraStyleQuery,
    "{ a }",
    "query Q($v: [Int!]! = [1] @d) { f(a: $v, b: {c: \"s\\u00e9\"}) @skip(if: false) { ...F } }",
    "fragment F on T { ... on U { x } ... @include(if: true) { y } }",
    "\"\"\"\n  block\n    string\n\"\"\" type T implements & A & B { f(\"d\" a: Int = 1): [T!] }",
    "directive @d(a: Int) repeatable on | FIELD | OBJECT extend schema @d",
    "union U = | A | B enum E { A B } input I { a: Int = null }",
};

class Mutator {
 public:
  explicit Mutator(uint64_t seed) : rng_(seed) {}

  std::string next() {
    std::string input(kSeeds[pick(kSeeds.size())]);
    size_t rounds = 1 + pick(8);
    for (size_t i = 0; i < rounds; ++i) mutate(input);
    return input;
  }

 private:
  size_t pick(size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_);
  }

  void mutate(std::string& s) {
    size_t at = pick(s.size() + 1);
    switch (pick(7)) {
      case 0:  // flip a byte
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(pick(256));
        break;
      case 1:  // insert a dictionary word
        s.insert(at, kDictionary[pick(kDictionary.size())]);
        break;
      case 2:  // delete a range
        s.erase(at, pick(16));
        break;
      case 3:  // duplicate a range (nesting, repetition)
        if (!s.empty()) {
          std::string part = s.substr(at, 1 + pick(64));
          s.insert(at, part);
        }
        break;
      case 4:  // truncate
        s.resize(at);
        break;
      case 5: {  // splice in part of another seed
        std::string_view other = kSeeds[pick(kSeeds.size())];
        size_t from = pick(other.size());
        s.insert(at, other.substr(from, 1 + pick(128)));
        break;
      }
      default:  // repeat one dictionary word many times (deep nesting, long tokens)
        s.insert(at, repeat(kDictionary[pick(kDictionary.size())], 1 + pick(400)));
        break;
    }
  }

  static std::string repeat(std::string_view word, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i) out += word;
    return out;
  }

  std::mt19937_64 rng_;
};

}  // namespace

int main(int argc, char** argv) {
  uint64_t seed = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : kSeed;
  auto budget = argc > 2 ? std::chrono::seconds(std::atoi(argv[2])) : kBudget;
  size_t max_inputs = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : kMaxInputs;
  auto deadline = std::chrono::steady_clock::now() + budget;
  for (std::string_view seed : kSeeds) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
  }
  Mutator mutator(seed);
  size_t count = 0;
  for (; count < max_inputs; ++count) {
    if (count % 1024 == 0 && std::chrono::steady_clock::now() > deadline) break;
    std::string input = mutator.next();
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  }
  std::printf("graphql_parser_fuzz_smoke: %zu mutated inputs, no failure\n", count);
  return 0;
}
