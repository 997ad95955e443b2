#pragma once
// The instants and costs of one parse, and the metrics they make. Every mode fills a Timeline;
// one function turns it into the scenario's metrics, so all modes measure alike.

#include <cstdint>
#include <vector>

#include "bench/harness/metric.hpp"
#include "iso/message.hpp"

namespace json_parse {

namespace metric_keys {
inline constexpr const char* end_to_end = "end_to_end_ns";
inline constexpr const char* main_thread = "main_thread_ns";
inline constexpr const char* copy_in = "copy_in_ns";
inline constexpr const char* spawn = "spawn_ns";
inline constexpr const char* parse = "parse_ns";
inline constexpr const char* decode = "decode_ns";
inline constexpr const char* map = "map_ns";
inline constexpr const char* copy_out = "copy_out_ns";
inline constexpr const char* return_to_main = "return_ns";
inline constexpr const char* copy_in_bytes = "copy_in_bytes";
inline constexpr const char* copy_out_bytes = "copy_out_bytes";
inline constexpr const char* worker_spawn = "worker_spawn_ns";
}  // namespace metric_keys

/// The scenario's metrics, primary first.
std::vector<bench::MetricSpec> parse_metric_specs();
/// The setup metrics (the persistent worker's spawn).
std::vector<bench::MetricSpec> parse_setup_metric_specs();

/// steady_clock instants in nanoseconds (steady_now_ns()), and the costs of the crossings.
struct Timeline {
  std::int64_t in_hand_ns = 0;        ///< the body is in hand on the main isolate
  std::int64_t main_released_ns = 0;  ///< the main isolate is done starting the work
  std::int64_t entered_ns = 0;        ///< the isolate that parses began this parse
  std::int64_t decoded_ns = 0;
  std::int64_t parsed_ns = 0;
  std::int64_t usable_ns = 0;  ///< the products are usable on the main isolate
  iso::SendCost copy_in;       ///< zero when nothing was copied
  iso::SendCost copy_out;
};

/// The metrics of `timeline` (keys of parse_metric_specs()). Durations that would come out
/// negative through clock granularity are reported as 0.
bench::Measurements measurements_of(const Timeline& timeline);

}  // namespace json_parse
