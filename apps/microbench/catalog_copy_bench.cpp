// links: json_parse_workload
// What it costs to hand the 2 MB catalog's decoded products to another isolate by copy, the
// `worker` and `run-send` modes' return trip: 3,582 products, about 22,000 heap blocks.
//
//   floor     the copy constructor with every block an ordinary, individually charged
//             operator new block: malloc and five atomic counter updates per block;
//   crossing  Message::copy_of, what SendPort::send does: the blocks are bump-allocated from
//             one region charged to the receiver once (iso/heap.hpp, CopyScope).
//
// Both are timed alternately in one loop (interleaved.hpp); freeing the copies is not timed.
//
//   bench_catalog_copy --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <optional>

#include "interleaved.hpp"
#include "iso/iso.hpp"
#include "json_parse/catalog_generator.hpp"
#include "json_parse/catalog_parser.hpp"

namespace {

void CatalogCopy2MB(benchmark::State& state) {
  std::string body = json_parse::generate_catalog(2'000'000, 42);
  json_parse::ParseStamps stamps;
  const json_parse::ParsedCatalog catalog = json_parse::parse_catalog(
      json_parse::padded_view(body), json_parse::DecoderKind::typed, stamps);
  iso::HeapAccount* receiver = iso::detail::new_heap_account();

  std::optional<json_parse::ParsedCatalog> plain_copy;
  std::optional<iso::Message> sent_copy;
  microbench::interleave(
      state,
      [&] {
        iso::AllocationScope charge_receiver(receiver);
        plain_copy.emplace(catalog);
      },
      [&] { sent_copy.emplace(iso::Message::copy_of(catalog, receiver)); },
      [&] {
        plain_copy.reset();
        sent_copy.reset();
      });
  state.counters["products"] = static_cast<double>(catalog.products.size());
  iso::detail::release(receiver);
}
BENCHMARK(CatalogCopy2MB)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
