#pragma once
// The instants and costs of one request (or, in `pool`, one batch), and the metrics they make.
// Every mode fills a CompressTimeline; one function turns it into the scenario's metrics, so all
// modes measure alike.

#include <chrono>
#include <cstdint>
#include <vector>

#include "bench/harness/busy_clock.hpp"
#include "bench/harness/metric.hpp"
#include "iso/message.hpp"

namespace image_compress {

namespace metric_keys {
inline constexpr const char* end_to_end = "end_to_end_ns";
inline constexpr const char* main_thread = "main_thread_ns";
inline constexpr const char* copy_in = "copy_in_ns";
inline constexpr const char* wake_up = "wake_up_ns";
inline constexpr const char* encode = "encode_ns";
inline constexpr const char* deflate = "deflate_ns";
inline constexpr const char* copy_out = "copy_out_ns";
inline constexpr const char* copy_in_bytes = "copy_in_bytes";
inline constexpr const char* raw_bytes = "raw_bytes";
inline constexpr const char* png_bytes = "png_bytes";
inline constexpr const char* ratio = "compression_ratio";
inline constexpr const char* throughput = "throughput_mb_per_s";
inline constexpr const char* images_per_s = "images_per_s";
inline constexpr const char* parallel_speedup = "parallel_speedup";
inline constexpr const char* worker_spawn = "worker_spawn_ns";
}  // namespace metric_keys

std::vector<bench::MetricSpec> compress_metric_specs();
std::vector<bench::MetricSpec> compress_setup_metric_specs();

/// The harness's steady clock in nanoseconds, which every isolate and thread reads alike.
using bench::steady_now_ns;

/// What the isolate that compressed measured, per image (steady_clock instants in ns).
struct FarSide {
  std::int64_t entered_ns = 0;  ///< it took the request up
  std::int64_t encode_ns = 0;   ///< filtering and deflating
  std::int64_t deflate_ns = 0;  ///< the codec's calls alone
  std::int64_t copy_in_ns = 0;  ///< the spawn message's copy (`run`), else 0
  std::uint64_t copy_in_bytes = 0;
  std::int64_t copy_out_ns = 0;  ///< sending the PNG back (`worker`, `transfer`, `pool`)
};

struct CompressTimeline {
  std::int64_t in_hand_ns = 0;    ///< the pixels in hand on the main isolate
  std::int64_t usable_ns = 0;     ///< the (last) PNG in hand on the main isolate
  std::int64_t main_busy_ns = 0;  ///< the main isolate's own stretches, added up
  iso::SendCost copy_in;          ///< what crossing into the compressing isolate cost, per image
  /// The request let go (send or spawn returned) to the far side taking it up, per image (a
  /// pool's mean, its queueing included); 0 on the main isolate.
  std::int64_t wake_up_ns = 0;
  FarSide far;                  ///< per image (means over a pool's batch)
  std::uint64_t raw_bytes = 0;  ///< per image
  std::uint64_t png_bytes = 0;  ///< per image
  int images = 1;               ///< images done between in_hand_ns and usable_ns
  /// Images per second of the same images on one isolate at a time in the same repetition;
  /// 0: this mode is that (its own throughput is the reference).
  double one_isolate_images_per_s = 0;
};

/// The metrics of `t`. Negative spans read 0.
bench::Measurements measurements_of(const CompressTimeline& t);

}  // namespace image_compress
