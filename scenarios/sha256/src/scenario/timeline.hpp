#pragma once
// The instants and costs of one hash, and the metrics they make. Every mode fills a HashTimeline;
// one function turns it into the scenario's metrics, so all modes measure alike.

#include <chrono>
#include <cstdint>
#include <vector>

#include "bench/harness/busy_clock.hpp"
#include "bench/harness/metric.hpp"
#include "iso/message.hpp"

namespace sha256 {

namespace metric_keys {
inline constexpr const char* end_to_end = "end_to_end_ns";
inline constexpr const char* main_thread = "main_thread_ns";
inline constexpr const char* copy_in = "copy_in_ns";
inline constexpr const char* copy_in_bytes = "copy_in_bytes";
inline constexpr const char* hash = "hash_ns";
inline constexpr const char* throughput = "throughput_mb_per_s";
inline constexpr const char* floor_share = "floor_share";
inline constexpr const char* worker_spawn = "worker_spawn_ns";
}  // namespace metric_keys

std::vector<bench::MetricSpec> hash_metric_specs();
std::vector<bench::MetricSpec> hash_setup_metric_specs();

using bench::BusyClock;
using bench::steady_now_ns;

struct HashTimeline {
  std::int64_t in_hand_ns = 0;    ///< the bytes (or the file's path) in hand on the main isolate
  std::int64_t usable_ns = 0;     ///< the digest in hand on the main isolate
  std::int64_t main_busy_ns = 0;  ///< what BusyClock added up
  iso::SendCost copy_in;          ///< what crossing into the hashing isolate cost
  std::int64_t hash_ns = 0;       ///< EVP update and final calls, summed, where they ran
};

/// The metrics of `t` for a message of `bytes`; `floor_bytes_per_ns` is the floor's latest
/// throughput (0: not measured, floor_share then reads 0). Negative spans read 0.
bench::Measurements measurements_of(const HashTimeline& t, std::uint64_t bytes,
                                    double floor_bytes_per_ns);

/// Bytes per nanosecond of a hash of `bytes` that took `t` end to end (0 for an empty span).
double bytes_per_ns(const HashTimeline& t, std::uint64_t bytes);

}  // namespace sha256
