#include "timeline.hpp"

#include <algorithm>

namespace image_compress {

std::vector<bench::MetricSpec> compress_metric_specs() {
  namespace k = metric_keys;
  using bench::Unit;
  return {
      {k::end_to_end, "end to end", Unit::ns, true,
       "the pixels in hand on the main isolate to the PNG in hand there (primary metric); `pool`: "
       "the whole batch of `--images`"},
      {k::main_thread, "main isolate busy", Unit::ns, true,
       "wall time the main isolate itself spent on the request, its stretches added up: the whole "
       "compression for `main`, spawning for `run`, wrapping and sending the request and taking "
       "the reply for `worker`, `transfer` and `pool` (the whole batch)"},
      {k::copy_in, "copy in", Unit::ns, true,
       "making the pixels available to the isolate that compresses, per image: the spawn "
       "message's copy (`run`), the request's copying send (`worker`, `pool`), wrapping and "
       "moving the TransferableTypedData (`transfer`); 0 for `main`"},
      {k::wake_up, "wake-up", Unit::ns, true,
       "the main isolate letting the request go (send or spawn call returned) to the compressing "
       "isolate taking it up, per image; 0 for `main`"},
      {k::encode, "compress", Unit::ns, true,
       "the PNG encoder on the compressing isolate, per image: choosing and applying the row "
       "filters and deflating, chunks and CRCs included"},
      {k::deflate, "deflate", Unit::ns, true,
       "the codec's calls alone (zlib's deflate or libdeflate's zlib compressor), per image: the "
       "part `--codec` changes"},
      {k::copy_out, "copy out", Unit::ns, true,
       "handing the PNG back, per image: its copying send (`worker`, `pool`), wrapping and "
       "sending it as TransferableTypedData (`transfer`); 0 for `main` and `run` (exit, no copy)"},
      {k::copy_in_bytes, "copied in", Unit::bytes, true,
       "bytes allocated on the compressing isolate's heap for the request's crossing, per image: "
       "the pixels for `run`, `worker` and `pool`, a few bytes of message for `transfer`"},
      {k::raw_bytes, "raw", Unit::bytes, true, "the image's RGBA8 pixels, width x height x 4"},
      {k::png_bytes, "PNG", Unit::bytes, true, "the PNG file's length"},
      {k::ratio, "ratio", Unit::count, false, "`raw_bytes` divided by `png_bytes`"},
      {k::throughput, "MB/s raw", Unit::count, false,
       "raw pixel bytes compressed per second end to end, in MB (10^6 bytes) per second"},
      {k::images_per_s, "images/s", Unit::count, false, "images compressed per second end to end"},
      {k::parallel_speedup, "vs one isolate", Unit::count, false,
       "`pool`: its images per second divided by those of the same batch on one of its workers, "
       "measured in the same repetition; 1 for the other modes, which compress on one isolate at "
       "a time"},
  };
}

std::vector<bench::MetricSpec> compress_setup_metric_specs() {
  return {{metric_keys::worker_spawn, "worker spawn (once, in setup)", bench::Unit::ns, true,
           "`worker`, `transfer`, `pool`: spawning the persistent workers until their ports are "
           "in hand; paid once, not per request"}};
}

bench::Measurements measurements_of(const CompressTimeline& t) {
  namespace k = metric_keys;
  const auto positive = [](std::int64_t ns) {
    return static_cast<double>(std::max<std::int64_t>(0, ns));
  };
  const double e2e = positive(t.usable_ns - t.in_hand_ns);
  const double images_per_s = e2e > 0 ? t.images * 1e9 / e2e : 0.0;
  return {
      {k::end_to_end, e2e},
      {k::main_thread, positive(t.main_busy_ns)},
      {k::copy_in, static_cast<double>(t.copy_in.copy.count())},
      {k::wake_up, positive(t.wake_up_ns)},
      {k::encode, positive(t.far.encode_ns)},
      {k::deflate, positive(t.far.deflate_ns)},
      {k::copy_out, positive(t.far.copy_out_ns)},
      {k::copy_in_bytes, static_cast<double>(t.copy_in.bytes)},
      {k::raw_bytes, static_cast<double>(t.raw_bytes)},
      {k::png_bytes, static_cast<double>(t.png_bytes)},
      {k::ratio, t.png_bytes > 0 ? static_cast<double>(t.raw_bytes) / t.png_bytes : 0.0},
      {k::throughput, e2e > 0 ? static_cast<double>(t.raw_bytes) * t.images / e2e * 1000.0 : 0.0},
      {k::images_per_s, images_per_s},
      {k::parallel_speedup,
       t.one_isolate_images_per_s > 0 ? images_per_s / t.one_isolate_images_per_s : 1.0},
  };
}

}  // namespace image_compress
