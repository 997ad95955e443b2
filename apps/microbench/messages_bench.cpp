// The cost of a message crossing between heaps, by the four ways it can cross (copy, transfer,
// share, exit), for four payloads (bytes, a string, a list of product structs, a Value tree),
// beside the raw floor measured in the same run: a std::vector / std::string / Value copy and
// the copy constructor of std::vector<Product>.
//
// What is measured is the crossing itself: Message::copy_of (what SendPort::send and spawn do:
// the receiver's copy, made on the sending thread, charged to the receiver's heap account),
// Message::hand_over (what exit and Isolate::run's result do), and the receiver's take<T>().
// The mailbox hop that follows is the same for every kind and is measured elsewhere.
//
// Transfer applies to bytes and strings only: TransferableTypedData carries bytes, as in Dart.
//
// The Goal_* benchmarks interleave the two sides of each goal in one loop and report the
// median of each side and their ratio as counters, so the machine's noise hits both alike.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "interleaved.hpp"
#include "iso/iso.hpp"

namespace {

struct Product {
  std::int64_t id = 0;
  std::string name;
  double price = 0;
  std::int32_t stock = 0;
  bool available = true;
};
ISO_SENDABLE(Product, id, name, price, stock, available);

constexpr std::int64_t kKiB = 1 << 10;
constexpr std::int64_t kMiB = 1 << 20;

// The receiving isolate's heap, for the whole run.
iso::HeapAccount* receiver() {
  static iso::HeapAccount* const account = iso::detail::new_heap_account();
  return account;
}

std::vector<std::uint8_t> make_bytes(std::int64_t size) {
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  for (std::size_t i = 0; i < bytes.size(); i += 4096) bytes[i] = static_cast<std::uint8_t>(i);
  return bytes;
}

std::string make_string(std::int64_t size) {
  return std::string(static_cast<std::size_t>(size), 'j');
}

Product make_product(std::int64_t id) {
  return Product{id, "product " + std::to_string(id), 1.5 * static_cast<double>(id),
                 static_cast<std::int32_t>(id % 100), id % 3 != 0};
}

std::vector<Product> make_products_count(std::int64_t count) {
  std::vector<Product> products;
  products.reserve(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) products.push_back(make_product(i));
  return products;
}

iso::Value make_value_item(std::int64_t id) {
  return iso::Value(iso::Value::Map{{"id", iso::Value(id)},
                                    {"name", iso::Value("product " + std::to_string(id))},
                                    {"price", iso::Value(1.5 * static_cast<double>(id))},
                                    {"tags", iso::Value(iso::Value::List{"new", "sale"})}});
}

// Heap bytes one value takes, measured rather than estimated.
template <class Make>
std::uint64_t heap_bytes_of(Make make) {
  const auto before = iso::thread_allocated_bytes();
  auto value = make();
  benchmark::DoNotOptimize(value);
  return iso::thread_allocated_bytes() - before;
}

// As many items as fill `size` bytes of heap (at least one).
template <class MakeItem>
std::int64_t items_for(std::int64_t size, MakeItem make_item) {
  static const std::uint64_t per_item = heap_bytes_of([&] {
                                          std::vector<decltype(make_item(0))> items;
                                          items.reserve(1000);
                                          for (int i = 0; i < 1000; ++i)
                                            items.push_back(make_item(i));
                                          return items;
                                        }) /
                                        1000;
  return std::max<std::int64_t>(1, size / static_cast<std::int64_t>(per_item));
}

std::vector<Product> make_products(std::int64_t size) {
  return make_products_count(items_for(size, make_product));
}

iso::Value make_value_tree(std::int64_t size) {
  iso::Value::List items;
  const auto count = items_for(size, make_value_item);
  items.reserve(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) items.push_back(make_value_item(i));
  return iso::Value(iso::Value::Map{{"items", iso::Value(std::move(items))}});
}

template <class T>
void report_size(benchmark::State& state, const T& payload) {
  state.counters["heap_bytes"] = static_cast<double>(heap_bytes_of([&] { return T(payload); }));
  state.SetBytesProcessed(state.iterations() * state.range(0));
}

// ---- the four crossings, generic over the payload ------------------------------------------

template <class T, T (*Make)(std::int64_t)>
void BM_Raw(benchmark::State& state) {
  const T payload = Make(state.range(0));
  for (auto _ : state) {
    T copy(payload);
    benchmark::DoNotOptimize(copy);
  }
  report_size(state, payload);
}

template <class T, T (*Make)(std::int64_t)>
void BM_Copy(benchmark::State& state) {
  const T payload = Make(state.range(0));
  for (auto _ : state) {
    iso::Message message = iso::Message::copy_of(payload, receiver());
    benchmark::DoNotOptimize(message.get<T>());
  }
  report_size(state, payload);
}

template <class T, T (*Make)(std::int64_t)>
void BM_Share(benchmark::State& state) {
  const iso::Shared<T> payload(Make(state.range(0)));
  for (auto _ : state) {
    iso::Message message = iso::Message::copy_of(payload, receiver());
    benchmark::DoNotOptimize(message.get<iso::Shared<T>>());
  }
  report_size(state, *payload);
}

template <class T, T (*Make)(std::int64_t)>
void BM_Exit(benchmark::State& state) {
  T payload = Make(state.range(0));
  for (auto _ : state) {
    iso::Message message = iso::Message::hand_over(std::move(payload));
    payload = message.take<T>();
    benchmark::DoNotOptimize(payload);
  }
  report_size(state, payload);
}

// The bytes of a bytes or string payload, moved into a TransferableTypedData without a copy.
iso::TransferableTypedData transferable_of(std::int64_t size) {
  return iso::TransferableTypedData::from_bytes(make_bytes(size));
}

void BM_Transfer(benchmark::State& state) {
  auto payload = transferable_of(state.range(0));
  for (auto _ : state) {
    iso::Message message = iso::Message::copy_of(payload, receiver());
    payload = message.take<iso::TransferableTypedData>();
    benchmark::DoNotOptimize(payload);
  }
  state.counters["heap_bytes"] = static_cast<double>(payload.size());
  state.SetBytesProcessed(state.iterations() * state.range(0));
}

// An empty message: the fixed cost every crossing pays (holder, timing, accounting).
void BM_EmptyMessage(benchmark::State& state) {
  for (auto _ : state) {
    iso::Message message = iso::Message::copy_of(iso::detail::Unit{}, receiver());
    benchmark::DoNotOptimize(message);
  }
}
void BM_EmptyHandOver(benchmark::State& state) {
  for (auto _ : state) {
    iso::Message message = iso::Message::hand_over(iso::detail::Unit{});
    benchmark::DoNotOptimize(message);
  }
}

void sizes(benchmark::internal::Benchmark* b) {
  for (std::int64_t size : {kKiB, 64 * kKiB, 2 * kMiB, 64 * kMiB}) b->Arg(size);
  b->Unit(benchmark::kMicrosecond);
}
void sizes_to_1gib(benchmark::internal::Benchmark* b) {
  sizes(b);
  b->Arg(1024 * kMiB);
}

using Bytes = std::vector<std::uint8_t>;
using Products = std::vector<Product>;

BENCHMARK(BM_EmptyMessage);
BENCHMARK(BM_EmptyHandOver);

BENCHMARK(BM_Raw<Bytes, make_bytes>)->Name("Bytes/raw_vector_copy")->Apply(sizes);
BENCHMARK(BM_Copy<Bytes, make_bytes>)->Name("Bytes/copy")->Apply(sizes);
BENCHMARK(BM_Transfer)->Name("Bytes/transfer")->Apply(sizes_to_1gib);
BENCHMARK(BM_Share<Bytes, make_bytes>)->Name("Bytes/share")->Apply(sizes_to_1gib);
BENCHMARK(BM_Exit<Bytes, make_bytes>)->Name("Bytes/exit")->Apply(sizes_to_1gib);

BENCHMARK(BM_Raw<std::string, make_string>)->Name("String/raw_string_copy")->Apply(sizes);
BENCHMARK(BM_Copy<std::string, make_string>)->Name("String/copy")->Apply(sizes);
BENCHMARK(BM_Share<std::string, make_string>)->Name("String/share")->Apply(sizes);
BENCHMARK(BM_Exit<std::string, make_string>)->Name("String/exit")->Apply(sizes);

BENCHMARK(BM_Raw<Products, make_products>)->Name("Products/raw_copy_constructor")->Apply(sizes);
BENCHMARK(BM_Copy<Products, make_products>)->Name("Products/copy")->Apply(sizes);
BENCHMARK(BM_Share<Products, make_products>)->Name("Products/share")->Apply(sizes);
BENCHMARK(BM_Exit<Products, make_products>)->Name("Products/exit")->Apply(sizes);

BENCHMARK(BM_Raw<iso::Value, make_value_tree>)->Name("ValueTree/raw_copy")->Apply(sizes);
BENCHMARK(BM_Copy<iso::Value, make_value_tree>)->Name("ValueTree/copy")->Apply(sizes);
BENCHMARK(BM_Share<iso::Value, make_value_tree>)->Name("ValueTree/share")->Apply(sizes);
BENCHMARK(BM_Exit<iso::Value, make_value_tree>)->Name("ValueTree/exit")->Apply(sizes);

// ---- the goals, each side interleaved in one loop -------------------------------------------

using microbench::interleave;

// Goal: copy of a flat 2 MiB message <= 1.5x a raw std::vector copy.
void Goal_FlatCopy2MiB_Bytes(benchmark::State& state) {
  const Bytes payload = make_bytes(2 * kMiB);
  interleave(
      state,
      [&] {
        Bytes copy(payload);
        benchmark::DoNotOptimize(copy.data());
      },
      [&] {
        iso::Message message = iso::Message::copy_of(payload, receiver());
        benchmark::DoNotOptimize(message.get<Bytes>().data());
      });
}
void Goal_FlatCopy2MiB_String(benchmark::State& state) {
  const std::string payload = make_string(2 * kMiB);
  const Bytes raw = make_bytes(2 * kMiB);  // the floor is a std::vector copy of the same bytes
  interleave(
      state,
      [&] {
        Bytes copy(raw);
        benchmark::DoNotOptimize(copy.data());
      },
      [&] {
        iso::Message message = iso::Message::copy_of(payload, receiver());
        benchmark::DoNotOptimize(message.get<std::string>().data());
      });
}

// Goal: copy of 10,000 products <= 2x their copy constructor.
void Goal_Products10k(benchmark::State& state) {
  const Products payload = make_products_count(10'000);
  interleave(
      state,
      [&] {
        Products copy(payload);
        benchmark::DoNotOptimize(copy.data());
      },
      [&] {
        iso::Message message = iso::Message::copy_of(payload, receiver());
        benchmark::DoNotOptimize(message.get<Products>().data());
      });
}

// Goal: transfer, share and exit cost at most 1 us over an empty message, at every size.
void Goal_TransferOverEmpty(benchmark::State& state) {
  auto payload = transferable_of(state.range(0));
  interleave(
      state,
      [&] {
        iso::Message message = iso::Message::copy_of(iso::detail::Unit{}, receiver());
        benchmark::DoNotOptimize(message);
      },
      [&] {
        iso::Message message = iso::Message::copy_of(payload, receiver());
        payload = message.take<iso::TransferableTypedData>();
      });
}
void Goal_ShareOverEmpty(benchmark::State& state) {
  const iso::Shared<Bytes> payload = iso::Shared<Bytes>::make(make_bytes(state.range(0)));
  interleave(
      state,
      [&] {
        iso::Message message = iso::Message::copy_of(iso::detail::Unit{}, receiver());
        benchmark::DoNotOptimize(message);
      },
      [&] {
        iso::Message message = iso::Message::copy_of(payload, receiver());
        benchmark::DoNotOptimize(message.get<iso::Shared<Bytes>>());
      });
}
void Goal_ExitOverEmpty(benchmark::State& state) {
  Bytes payload = make_bytes(state.range(0));
  interleave(
      state,
      [&] {
        iso::Message message = iso::Message::copy_of(iso::detail::Unit{}, receiver());
        benchmark::DoNotOptimize(message);
      },
      [&] {
        iso::Message message = iso::Message::hand_over(std::move(payload));
        payload = message.take<Bytes>();
      });
}

BENCHMARK(Goal_FlatCopy2MiB_Bytes)->Unit(benchmark::kMicrosecond);
BENCHMARK(Goal_FlatCopy2MiB_String)->Unit(benchmark::kMicrosecond);
BENCHMARK(Goal_Products10k)->Unit(benchmark::kMicrosecond);
BENCHMARK(Goal_TransferOverEmpty)->Apply(sizes_to_1gib);
BENCHMARK(Goal_ShareOverEmpty)->Apply(sizes_to_1gib);
BENCHMARK(Goal_ExitOverEmpty)->Apply(sizes_to_1gib);

}  // namespace

BENCHMARK_MAIN();
