#include "timeline.hpp"

#include <algorithm>

namespace sha256 {

std::vector<bench::MetricSpec> hash_metric_specs() {
  namespace k = metric_keys;
  using bench::Unit;
  return {
      {k::end_to_end, "end to end", Unit::ns, true,
       "the bytes (or the `--input` path) in hand on the main isolate to the digest in hand "
       "there (primary metric)"},
      {k::main_thread, "main isolate busy", Unit::ns, true,
       "wall time the main isolate itself spent on this hash, its stretches added up: the whole "
       "hash for `main`, every chunk's slice for `chunked-main`, starting the isolate and copying "
       "in for `run` and `transfer`, sending chunks (and reading them, with `--input`) and taking "
       "the replies for `worker`; starting the thread for `floor`"},
      {k::copy_in, "copy in", Unit::ns, true,
       "making the bytes available to the isolate that hashes: the argument's copy (`run`), "
       "wrapping and moving the TransferableTypedData (`transfer`), the chunk messages' sends "
       "(`worker`); 0 where nothing crosses (`floor`, `main`, `chunked-main`)"},
      {k::copy_in_bytes, "copied in", Unit::bytes, true,
       "bytes allocated on the hashing isolate's heap for the crossing: the whole message for "
       "`run`, a few bytes of message for a transfer"},
      {k::hash, "hash", Unit::ns, true,
       "OpenSSL's EVP update and final calls, added up where they ran (reading the `--input` file "
       "excluded)"},
      {k::throughput, "MB/s end to end", Unit::count, false,
       "the message's bytes divided by `end_to_end_ns`, in MB (10^6 bytes) per second"},
      {k::floor_share, "share of floor", Unit::ratio, false,
       "`throughput_mb_per_s` divided by the floor's end-to-end throughput in the same round of "
       "repetitions (1.0 for `floor` itself; measured once before the run when `--mode` leaves "
       "`floor` out)"},
  };
}

std::vector<bench::MetricSpec> hash_setup_metric_specs() {
  return {{metric_keys::worker_spawn, "worker spawn (once, in setup)", bench::Unit::ns, true,
           "`worker`: spawning the persistent worker until its port is in hand; paid once, not "
           "per hash"}};
}

double bytes_per_ns(const HashTimeline& t, std::uint64_t bytes) {
  const auto span = t.usable_ns - t.in_hand_ns;
  return span > 0 ? static_cast<double>(bytes) / static_cast<double>(span) : 0.0;
}

bench::Measurements measurements_of(const HashTimeline& t, std::uint64_t bytes,
                                    double floor_bytes_per_ns) {
  namespace k = metric_keys;
  const double rate = bytes_per_ns(t, bytes);
  return {
      {k::end_to_end, static_cast<double>(std::max<std::int64_t>(0, t.usable_ns - t.in_hand_ns))},
      {k::main_thread, static_cast<double>(std::max<std::int64_t>(0, t.main_busy_ns))},
      {k::copy_in, static_cast<double>(t.copy_in.copy.count())},
      {k::copy_in_bytes, static_cast<double>(t.copy_in.bytes)},
      {k::hash, static_cast<double>(std::max<std::int64_t>(0, t.hash_ns))},
      {k::throughput, rate * 1000.0},  // bytes per ns = GB/s = 1000 MB/s
      {k::floor_share, floor_bytes_per_ns > 0 ? rate / floor_bytes_per_ns : 0.0},
  };
}

}  // namespace sha256
