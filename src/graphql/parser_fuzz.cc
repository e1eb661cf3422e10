// Fuzz target: any bytes as a GraphQL document. Whatever parses must print, and the printed
// text must parse again and print identically, in both styles. Crashes, sanitizer reports and
// abort() on a broken round trip are findings. Built with libFuzzer under clang, and linked
// into the GCC smoke test (parser_fuzz_smoke.cc) otherwise.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graphql/parser.h"
#include "graphql/printer.h"

namespace {

using graft::graphql::Arena;
using graft::graphql::ParseLimits;
using graft::graphql::PrintStyle;

void checkRoundTrip(const graft::graphql::ast::Document& document, PrintStyle style) {
  std::string printed = graft::graphql::print(document, style);
  // Indentation makes printed text longer than its source; every other limit still holds.
  ParseLimits unlimited_size;
  unlimited_size.max_bytes = static_cast<size_t>(-1);
  Arena arena;
  auto reparsed = graft::graphql::parseDocument(printed, arena, unlimited_size);
  if (!reparsed) {
    std::fprintf(stderr, "printed document does not parse: %s\n---\n%s\n",
                 reparsed.error().describe().c_str(), printed.c_str());
    std::abort();
  }
  std::string again = graft::graphql::print(**reparsed, style);
  if (again != printed) {
    std::fprintf(stderr, "print is not stable:\n---\n%s\n---\n%s\n", printed.c_str(),
                 again.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  ParseLimits limits;
  limits.max_bytes = 1 << 20;
  limits.max_tokens = 100'000;
  Arena arena;
  // The executable and schema modes only add a check on top of parseDocument; run them too so
  // their error paths are covered.
  (void)graft::graphql::parseExecutable(source, arena, limits);
  (void)graft::graphql::parseSchema(source, arena, limits);
  auto document = graft::graphql::parseDocument(source, arena, limits);
  if (!document) {
    // Positions must point into the document (a column that underflowed would not).
    const graft::graphql::SyntaxError& error = document.error();
    if (error.kind != graft::graphql::SyntaxError::Kind::kDocumentTooLarge &&
        (error.line == 0 || error.column == 0 || error.line > size + 1 ||
         error.column > size + 1)) {
      std::fprintf(stderr, "error position out of range: %s\n", error.describe().c_str());
      std::abort();
    }
    return 0;
  }
  checkRoundTrip(**document, PrintStyle::kPretty);
  checkRoundTrip(**document, PrintStyle::kCompact);
  return 0;
}
