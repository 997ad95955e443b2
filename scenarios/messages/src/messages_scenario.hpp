#pragma once
// isolate-bench messages: what one message costs to cross between isolates, by kind, size and
// way (copy, transfer, share, exit), next to the floor: a plain copy of the same data on one
// thread, measured in the same run.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench/harness/result.hpp"
#include "bench/harness/scenario.hpp"
#include "iso/iso.hpp"

namespace messages {

/// A product-like struct with strings inside: what a decoded API response holds.
struct Product {
  std::int64_t id = 0;
  std::string name;
  std::string category;
  double price = 0;
  friend bool operator==(const Product&, const Product&) = default;
};
ISO_SENDABLE(Product, id, name, category, price);

/// bytes: a byte buffer; string: printable ASCII; objects: Product structs; value: the same
/// products as an iso::Value tree, a list of maps as Dart's jsonDecode returns them.
enum class Kind { bytes, string, objects, value };

std::string kind_name(Kind kind);

/// Whether the kind is a number of products (--objects) rather than a size (--size); these kinds
/// hold no byte buffer, so a transfer does not apply to them.
bool counts_products(Kind kind);

/// The data of one parameter set, built once; every way sends this very value.
struct Payload {
  Kind kind = Kind::bytes;
  std::vector<std::uint8_t> bytes;  // Kind::bytes
  std::string text;                 // Kind::string
  std::vector<Product> products;    // Kind::objects
  iso::Value tree;                  // Kind::value
};

/// `size` bytes (bytes, string) or `size` products (objects, value), a function of `seed`. The
/// value kind holds the very products the objects kind holds, field for field.
Payload make_payload(Kind kind, std::uint64_t size, std::uint64_t seed);

/// A digest of the data, compared on both sides: the receiver got what was sent.
std::uint64_t checksum(const std::vector<std::uint8_t>& bytes);
std::uint64_t checksum(const std::string& text);
std::uint64_t checksum(const std::vector<Product>& products);
std::uint64_t checksum(const iso::Value& tree);
std::uint64_t checksum(const Payload& payload);

struct Point {
  Kind kind = Kind::bytes;
  std::uint64_t size = 0;  ///< bytes, or products for Kind::objects and Kind::value
  std::uint64_t seed = 0;
  std::shared_ptr<const Payload> payload;
  std::uint64_t expected = 0;  ///< checksum(*payload)
  /// The payload's bytes (objects: structs and characters; value: nodes, map entries and
  /// characters).
  std::uint64_t data_bytes = 0;

  std::string label() const;
  std::vector<bench::Parameter> parameters() const;
};

namespace metric_keys {
inline constexpr const char* latency = "one_way_ns";
inline constexpr const char* round_trip = "round_trip_ns";
inline constexpr const char* busy = "sender_busy_ns";
inline constexpr const char* copied = "copied_bytes";
inline constexpr const char* throughput = "throughput_mb_per_s";
}  // namespace metric_keys

struct MessagesSettings {
  Kind kind = Kind::string;
  std::vector<std::uint64_t> sizes{1'000, 64'000, 2'000'000, 64'000'000};
  std::vector<std::int64_t> objects{100, 10'000};
};

class MessagesScenario final : public bench::ScenarioOf<Point> {
 public:
  std::string name() const override { return "messages"; }
  std::string summary() const override;
  std::string help() const override;
  std::vector<bench::OptionSpec> options() override;
  std::vector<bench::ModeSpec> modes() const override;
  std::vector<bench::MetricSpec> metrics() const override;
  std::vector<bench::ParameterSpec> parameter_specs() const override;
  bench::Conclusions conclusions(const bench::ScenarioResult& result) const override;
  /// Every way but transfer for --kind objects and value: a transfer moves byte buffers.
  bool runs_by_default(const bench::ModeSpec& mode) const override;

  MessagesSettings& settings() { return settings_; }

 protected:
  std::vector<Point> make_points(const bench::RunSettings& settings) override;
  std::unique_ptr<bench::ModeRunner> make_runner_for(const bench::ModeSpec& mode,
                                                     const Point& point) override;

 private:
  MessagesSettings settings_;
  std::optional<std::vector<std::uint64_t>> sizes_;   // --size, when given
  std::optional<std::vector<std::int64_t>> objects_;  // --objects, when given
};

/// The sentences under the table, from `result`'s medians; `points` are the run's points.
bench::Conclusions build_conclusions(const std::vector<Point>& points,
                                     const bench::ScenarioResult& result);

}  // namespace messages
