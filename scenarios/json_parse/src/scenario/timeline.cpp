#include "timeline.hpp"

#include <algorithm>

namespace json_parse {

std::vector<bench::MetricSpec> parse_metric_specs() {
  namespace k = metric_keys;
  using bench::Unit;
  return {
      {k::end_to_end, "end to end", Unit::ns, true},
      {k::main_thread, "main isolate busy", Unit::ns, true},
      {k::copy_in, "copy in", Unit::ns, true},
      {k::spawn, "spawn / wake-up", Unit::ns, true},
      {k::parse, "parse", Unit::ns, true},
      {k::decode, "decode", Unit::ns, true},
      {k::map, "map to products", Unit::ns, true},
      {k::return_to_main, "return to main", Unit::ns, true},
      {k::copy_out, "copy out", Unit::ns, true},
      {k::copy_in_bytes, "copied in", Unit::bytes, true},
      {k::copy_out_bytes, "copied out", Unit::bytes, true},
  };
}

std::vector<bench::MetricSpec> parse_setup_metric_specs() {
  return {{metric_keys::worker_spawn, "worker spawn (once, in setup)", bench::Unit::ns, true}};
}

bench::Measurements measurements_of(const Timeline& t) {
  namespace k = metric_keys;
  auto span = [](std::int64_t from, std::int64_t to) {
    return static_cast<double>(std::max<std::int64_t>(0, to - from));
  };
  const double copy_in = static_cast<double>(t.copy_in.copy.count());
  return {
      {k::end_to_end, span(t.in_hand_ns, t.usable_ns)},
      {k::main_thread, span(t.in_hand_ns, t.main_released_ns)},
      {k::copy_in, copy_in},
      {k::spawn, std::max(0.0, span(t.in_hand_ns, t.entered_ns) - copy_in)},
      {k::parse, span(t.entered_ns, t.parsed_ns)},
      {k::decode, span(t.entered_ns, t.decoded_ns)},
      {k::map, span(t.decoded_ns, t.parsed_ns)},
      {k::return_to_main, span(t.parsed_ns, t.usable_ns)},
      {k::copy_out, static_cast<double>(t.copy_out.copy.count())},
      {k::copy_in_bytes, static_cast<double>(t.copy_in.bytes)},
      {k::copy_out_bytes, static_cast<double>(t.copy_out.bytes)},
  };
}

}  // namespace json_parse
