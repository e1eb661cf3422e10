// graphql_bench: parse and print throughput on the documents of test_corpus.h. Never a timed
// test; run by hand from a Release build.
#include <benchmark/benchmark.h>

#include <string_view>

#include "graphql/parser.h"
#include "graphql/printer.h"
#include "graphql/test_corpus.h"

namespace graft::graphql {
namespace {

// One arena per thread, reset per request: how the server is expected to use it.
void parseReusingArena(benchmark::State& state, std::string_view source) {
  Arena arena;
  for (auto _ : state) {
    auto document = parseDocument(source, arena);
    benchmark::DoNotOptimize(document);
    if (!document) state.SkipWithError("parse failed");
    arena.reset();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * source.size()));
}

// A fresh arena per document: the cost including the first chunk's allocation.
void parseFreshArena(benchmark::State& state, std::string_view source) {
  for (auto _ : state) {
    Arena arena;
    auto document = parseDocument(source, arena);
    benchmark::DoNotOptimize(document);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * source.size()));
}

void printPretty(benchmark::State& state, std::string_view source) {
  Arena arena;
  auto document = parseDocument(source, arena);
  for (auto _ : state) {
    std::string text = print(**document);
    benchmark::DoNotOptimize(text);
  }
}

BENCHMARK_CAPTURE(parseReusingArena, introspection, testing::kIntrospectionQuery);
BENCHMARK_CAPTURE(parseReusingArena, hasura_query, testing::kHasuraStyleQuery);
BENCHMARK_CAPTURE(parseReusingArena, kitchen_sink_sdl, testing::kKitchenSinkSchema);
BENCHMARK_CAPTURE(parseFreshArena, introspection, testing::kIntrospectionQuery);
BENCHMARK_CAPTURE(parseFreshArena, hasura_query, testing::kHasuraStyleQuery);
BENCHMARK_CAPTURE(printPretty, introspection, testing::kIntrospectionQuery);
BENCHMARK_CAPTURE(printPretty, hasura_query, testing::kHasuraStyleQuery);

}  // namespace
}  // namespace graft::graphql

BENCHMARK_MAIN();
