#include "timeline.hpp"

#include <algorithm>

namespace json_parse {

std::vector<bench::MetricSpec> parse_metric_specs() {
  namespace k = metric_keys;
  using bench::Unit;
  return {
      {k::end_to_end, "end to end", Unit::ns, true,
       "the body in hand on the main isolate to the products usable there (primary metric)"},
      {k::main_thread, "main isolate busy", Unit::ns, true,
       "wall time the main isolate itself spent on this parse: the whole parse for `main`; "
       "starting the isolate and the body's crossing (a reference where it is shared, a copy or a "
       "gathering otherwise) for the others. The frame columns add the loop's longest event. It "
       "is wall time, not CPU time: when the OS runs the isolate just woken on the main isolate's "
       "core (seen on 2-core virtual machines), the main isolate waits, and this can exceed "
       "`copy_in_ns` by milliseconds"},
      {k::copy_in, "copy in", Unit::ns, true,
       "making the body available to the isolate that parses: the argument's crossing, one "
       "more reference to the shared body for `run` and `compute` (Dart ≥ 2.15) and the body's "
       "copy for `run-send`; `SendPort.send` of the request, the body shared in it (`worker`); "
       "gathering into `TransferableTypedData` plus its O(1) send (`transfer`); 0 for `main`"},
      {k::spawn, "spawn / wake-up", Unit::ns, true,
       "from the end of the copy-in to the parse starting: the new isolate's start (`run`, "
       "`run-send`, `compute`) or the waiting worker's wake-up (`worker`, `transfer`); 0 for "
       "`main`"},
      {k::parse, "parse", Unit::ns, true, "the parse where it ran: `decode_ns` + `map_ns`"},
      {k::decode, "decode", Unit::ns, true,
       "the decoder's work: the whole typed decode, or building the dynamic tree"},
      {k::map, "map to products", Unit::ns, true,
       "mapping the dynamic tree to products, releasing the tree included; 0 for the typed "
       "decoder (it has no separate step)"},
      {k::return_to_main, "return to main", Unit::ns, true,
       "parse done to products usable on the main isolate: the exit hand-over (`run`, "
       "`compute`), the copy and delivery through a port (`run-send`, `worker`, `transfer`); "
       "about 0 for `main`"},
      {k::copy_out, "copy out", Unit::ns, true,
       "the copy part of `return_ns`: `SendPort.send` of the products, on the parsing isolate; 0 "
       "when handed over by exit"},
      {k::copy_in_bytes, "copied in", Unit::bytes, true,
       "bytes allocated for the body's crossing: the JSON text and its 64 bytes of padding plus "
       "the message's fields where the body is copied (`run-send`) or gathered (`transfer`); "
       "only the message's few bytes where it is shared (`run`, `compute`, `worker`); 0 for "
       "`main`"},
      {k::copy_out_bytes, "copied out", Unit::bytes, true,
       "bytes allocated on the main isolate's heap for the copied products; 0 for exit"},
  };
}

std::vector<bench::MetricSpec> parse_setup_metric_specs() {
  return {{metric_keys::worker_spawn, "worker spawn (once, in setup)", bench::Unit::ns, true,
           "`worker` and `transfer`: spawning the persistent worker until its port is in hand; "
           "paid once, not per parse"}};
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
