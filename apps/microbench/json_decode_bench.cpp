// links: json_parse_workload
// The json-parse workload on its own, no isolates: the generator, the typed decoder (On-Demand
// into Products), and the dynamic decoder's two steps (DOM into an iso::Value tree, then the
// tree into Products), each on the document's 2 MB catalog. Throughput is in body bytes.
//
// Freeing a decoded result is not part of decoding it, so each result is released with the
// timer paused (the pause costs microseconds against milliseconds of decode).
//
//   bench_json_decode --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <string>

#include "json_parse/catalog_generator.hpp"
#include "json_parse/dynamic_decoder.hpp"
#include "json_parse/product_mapping.hpp"
#include "json_parse/typed_decoder.hpp"

namespace {

constexpr std::size_t kCatalogBytes = 2'000'000;  // the document's "2MB JSON payload"
constexpr std::uint64_t kSeed = 42;

std::string& catalog() {
  static std::string body = json_parse::generate_catalog(kCatalogBytes, kSeed);
  return body;
}

// Destroys `result` outside the measured time.
template <class T>
void release_untimed(benchmark::State& state, T& result) {
  state.PauseTiming();
  T().swap(result);
  state.ResumeTiming();
}

void set_throughput(benchmark::State& state, std::size_t bytes, std::size_t products) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["products"] = static_cast<double>(products);
}

void BM_Generate(benchmark::State& state) {
  const auto bytes = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    std::string body = json_parse::generate_catalog(bytes, kSeed);
    benchmark::DoNotOptimize(body.data());
    release_untimed(state, body);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_Generate)->Arg(kCatalogBytes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Generate)->Arg(1'000'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

// The parser is reused across iterations: a persistent worker's steady state.
void BM_TypedDecode(benchmark::State& state) {
  const json_parse::PaddedView body = json_parse::padded_view(catalog());
  json_parse::TypedDecoder decoder;
  std::size_t products = 0;
  for (auto _ : state) {
    std::vector<json_parse::Product> decoded = decoder.decode(body);
    products = decoded.size();
    benchmark::DoNotOptimize(decoded.data());
    release_untimed(state, decoded);
  }
  set_throughput(state, body.size(), products);
}
BENCHMARK(BM_TypedDecode)->Unit(benchmark::kMillisecond);

// A fresh parser per decode: what a one-shot Isolate.run pays.
void BM_TypedDecodeFreshParser(benchmark::State& state) {
  const json_parse::PaddedView body = json_parse::padded_view(catalog());
  std::size_t products = 0;
  for (auto _ : state) {
    std::vector<json_parse::Product> decoded = json_parse::decode_typed(body);
    products = decoded.size();
    benchmark::DoNotOptimize(decoded.data());
    release_untimed(state, decoded);
  }
  set_throughput(state, body.size(), products);
}
BENCHMARK(BM_TypedDecodeFreshParser)->Unit(benchmark::kMillisecond);

// Step 1 of the document's code: jsonDecode(body).
void BM_DynamicDecodeToValue(benchmark::State& state) {
  const json_parse::PaddedView body = json_parse::padded_view(catalog());
  json_parse::DynamicDecoder decoder;
  for (auto _ : state) {
    iso::Value tree = decoder.decode(body);
    benchmark::DoNotOptimize(&tree);
    state.PauseTiming();
    tree = iso::Value();
    state.ResumeTiming();
  }
  set_throughput(state, body.size(), 0);
}
BENCHMARK(BM_DynamicDecodeToValue)->Unit(benchmark::kMillisecond);

// Step 2: catalog.map((j) => Product.fromJson(j)).toList(), from a tree that stays (every string
// copied).
void BM_MapValueToProducts(benchmark::State& state) {
  const json_parse::PaddedView body = json_parse::padded_view(catalog());
  const iso::Value tree = json_parse::decode_dynamic(body);
  std::size_t products = 0;
  for (auto _ : state) {
    std::vector<json_parse::Product> mapped = json_parse::map_products(tree);
    products = mapped.size();
    benchmark::DoNotOptimize(mapped.data());
    release_untimed(state, mapped);
  }
  set_throughput(state, body.size(), products);
}
BENCHMARK(BM_MapValueToProducts)->Unit(benchmark::kMillisecond);

// Both steps, as the document's loadCatalog runs them (and the scenario's dynamic decoder): the
// tree is dropped after the mapping, so its strings move into the products.
void BM_DynamicDecodeAndMap(benchmark::State& state) {
  const json_parse::PaddedView body = json_parse::padded_view(catalog());
  json_parse::DynamicDecoder decoder;
  std::size_t products = 0;
  for (auto _ : state) {
    iso::Value tree = decoder.decode(body);
    std::vector<json_parse::Product> mapped = json_parse::map_products(std::move(tree));
    products = mapped.size();
    benchmark::DoNotOptimize(mapped.data());
    release_untimed(state, mapped);
    state.PauseTiming();
    tree = iso::Value();
    state.ResumeTiming();
  }
  set_throughput(state, body.size(), products);
}
BENCHMARK(BM_DynamicDecodeAndMap)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
