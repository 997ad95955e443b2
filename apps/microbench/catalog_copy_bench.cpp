// links: scenario_json_parse
// What it costs to hand the 2 MB catalog's decoded products to another isolate by copy, the
// `worker` and `run-send` modes' return trip: 3,582 products, about 22,000 heap blocks.
//
//   ordinary_blocks  the copy constructor with every block an ordinary, individually charged
//                    operator new block: malloc and five atomic counter updates per block;
//   message_copy     Message::copy_of, what SendPort::send does: the blocks are bump-allocated
//                    from one region charged to the receiver once (iso/heap.hpp, CopyScope).
//
// Both are interleaved in one loop so the machine's noise hits them alike; the counters give
// each side's median (us) and message_copy / ordinary_blocks. Freeing is not timed.
//
//   bench_catalog_copy --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

#include "iso/iso.hpp"
#include "json_parse/catalog_generator.hpp"
#include "json_parse/catalog_parser.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> samples) {
  std::nth_element(samples.begin(), samples.begin() + samples.size() / 2, samples.end());
  return samples[samples.size() / 2];
}

// Nanoseconds `make` takes to fill `out`; `out` is emptied afterwards, untimed.
template <class T, class Make>
double time_making(std::optional<T>& out, Make make) {
  const auto started = Clock::now();
  make(out);
  const double elapsed = std::chrono::duration<double, std::nano>(Clock::now() - started).count();
  out.reset();
  return elapsed;
}

void CatalogCopy2MB(benchmark::State& state) {
  std::string body = json_parse::generate_catalog(2'000'000, 42);
  json_parse::CatalogParser parser;
  json_parse::ParseStamps stamps;
  const json_parse::ParsedCatalog catalog =
      parser.parse(json_parse::padded_view(body), json_parse::DecoderKind::typed, stamps);
  iso::HeapAccount* receiver = iso::detail::new_heap_account();

  std::vector<double> ordinary, message;
  std::optional<json_parse::ParsedCatalog> plain_copy;
  std::optional<iso::Message> sent_copy;
  for (auto _ : state) {
    ordinary.push_back(time_making(plain_copy, [&](auto& out) {
      iso::AllocationScope charge_receiver(receiver);
      out.emplace(catalog);
    }));
    message.push_back(time_making(
        sent_copy, [&](auto& out) { out.emplace(iso::Message::copy_of(catalog, receiver)); }));
  }
  const double o = median(ordinary), m = median(message);
  state.counters["ordinary_blocks_us"] = o / 1000;
  state.counters["message_copy_us"] = m / 1000;
  state.counters["ratio"] = m / o;
  state.counters["products"] = static_cast<double>(catalog.products.size());
  iso::detail::release(receiver);
}
BENCHMARK(CatalogCopy2MB)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
