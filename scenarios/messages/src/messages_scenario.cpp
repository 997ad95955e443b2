#include "messages_scenario.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bench/harness/registry.hpp"
#include "bench/harness/settings_error.hpp"
#include "bench/harness/units.hpp"
#include "runners.hpp"

namespace messages {

namespace k = metric_keys;

namespace {

/// The payload is held about four times at once (the data, the floor's copy or the shared copy,
/// the receiver's copy, the exit isolate's own), so sizes stop at 1 GB.
constexpr std::uint64_t kLargestSize = 1'000'000'000;
constexpr std::int64_t kMostObjects = 10'000'000;

/// An iso::Value tree's bytes: every node, every map entry's key and every string's characters.
std::uint64_t value_bytes(const iso::Value& value) {
  std::uint64_t total = sizeof(iso::Value);
  if (value.is_string()) total += value.as_string().size();
  if (value.is_bytes()) total += value.as_bytes().size();
  if (value.is_list()) {
    for (const auto& item : value.as_list()) total += value_bytes(item);
  }
  if (value.is_map()) {
    for (const auto& [key, item] : value.as_map()) {
      total += sizeof(std::string) + key.size() + value_bytes(item);
    }
  }
  return total;
}

std::uint64_t data_bytes_of(const Payload& payload) {
  switch (payload.kind) {
    case Kind::bytes:
      return payload.bytes.size();
    case Kind::string:
      return payload.text.size();
    case Kind::objects: {
      std::uint64_t total = payload.products.size() * sizeof(Product);
      for (const auto& product : payload.products) {
        total += product.name.size() + product.category.size();
      }
      return total;
    }
    case Kind::value:
      return value_bytes(payload.tree);
  }
  return 0;
}

}  // namespace

std::string Point::label() const {
  if (kind == Kind::objects) return fmt::format("{} products", size);
  if (kind == Kind::value) return fmt::format("{} products as an iso::Value", size);
  return fmt::format("{} {}", kind_name(kind), bench::describe_size(size));
}

std::vector<bench::Parameter> Point::parameters() const {
  return {{"kind", kind_name(kind)}, {"size", size}, {"data_bytes", data_bytes}};
}

std::string MessagesScenario::summary() const {
  return "what one message costs between isolates: copy, transfer, share, exit vs a plain copy";
}

std::string MessagesScenario::help() const {
  return "What it measures: one message from one isolate to another, by kind, size and way, next\n"
         "to its floor: a plain copy of the same data on one thread (std::vector, std::string or\n"
         "the structs' or the iso::Value's copy constructor), measured in the same run. The\n"
         "ways: copy (SendPort::send: the receiver gets its own copy, made by the sender),\n"
         "transfer (the bytes in a TransferableTypedData, moved; a string crosses as its bytes\n"
         "and the receiver makes a string of them again; not for objects, so --kind objects and\n"
         "value take --mode without it), share (an iso::Shared<T> built once, crossing by\n"
         "reference count) and exit (a new isolate ends with iso::exit, which hands its data\n"
         "over: bytes it was given by transfer, a string it copied from shared characters,\n"
         "objects and value it built from the seed). Every way is received by the same isolate,\n"
         "spawned before the repetitions and running no UI frames, and every timed message\n"
         "starts alike: the sender rests as long as it took to make the data, then twice wakes\n"
         "the receiver untimed and waits 1 ms, so the receiver is parked, as an idle worker is,\n"
         "and no message path is cold from the making: so sizes differ only by the crossing.\n"
         "--kind value sends the products of --kind objects as an iso::Value tree (a list of\n"
         "maps, what Dart's jsonDecode returns), so the two kinds compare typed and dynamic\n"
         "data.\n"
         "Per message: one-way latency (send called -> the receiver holds the data, usable),\n"
         "round trip (the data sent on and sent straight back the same way, usable again on the\n"
         "sender), sender busy (the send call), bytes copied onto the receiver's heap and MB/s.\n"
         "The receiver checksums what it got and every way must agree with the data sent.\n"
         "The document's claims checked in the sentences under the table: \"sending a 2MB string\n"
         "costs ~1-3ms each way\" and \"10,000 objects cost more than 100\".\n"
         "\n"
         "Examples:\n"
         "  isolate-bench messages\n"
         "  isolate-bench messages --kind bytes --size 1KB,1MB,64MB,256MB\n"
         "  isolate-bench messages --kind objects --objects 100,10000,100000 --mode "
         "floor,copy,share,exit\n"
         "  isolate-bench messages --kind value --objects 10000\n";
}

std::vector<bench::OptionSpec> MessagesScenario::options() {
  bench::SizeBounds sizes;
  sizes.min = 1;
  sizes.max = kLargestSize;
  sizes.max_reason = "the data is held about four times at once";
  return {
      bench::choice_option<Kind>(
          "--kind", settings_.kind,
          {{"bytes", Kind::bytes},
           {"string", Kind::string},
           {"objects", Kind::objects},
           {"value", Kind::value}},
          "What crosses: a byte buffer, a string of printable ASCII, a "
          "list of product structs with strings inside (--objects), or the same products as an "
          "iso::Value tree, jsonDecode's shape (--objects)",
          "string"),
      bench::size_list_option("--size", sizes_,
                              "Message sizes for --kind bytes and string, from 1 byte to 1 GB "
                              "(e.g. 1KB,2MB,64MiB)",
                              "1KB,64KB,2MB,64MB", sizes),
      bench::integer_list_option("--objects", objects_,
                                 "How many products a message holds with --kind objects or value, "
                                 "from 1 to 10000000",
                                 "100,10000", 1, kMostObjects),
  };
}

std::vector<bench::ModeSpec> MessagesScenario::modes() const {
  return {{"floor", "a plain copy of the data on one thread: no isolate, no port"},
          {"copy", "SendPort::send: the receiver gets its own copy, made by the sender"},
          {"transfer", "TransferableTypedData: the buffer moves, the sender's handle is empty"},
          {"share", "iso::Shared<T>: one immutable object, one more reference"},
          {"exit", "an ending isolate hands its data over with iso::exit"}};
}

std::vector<bench::MetricSpec> MessagesScenario::metrics() const {
  return {
      {k::latency, "one way", bench::Unit::ns, true,
       "send called -> the receiving isolate holds the data, usable (exit: iso::exit called in "
       "the ending isolate -> the receiving isolate holds the data; floor: the plain copy)"},
      {k::round_trip, "round trip", bench::Unit::ns, true,
       "send called -> the receiving isolate sent the data straight back the same way -> the "
       "sender holds it, usable (floor: two plain copies; exit: 0, an ending isolate cannot be "
       "answered)"},
      {k::busy, "sender busy", bench::Unit::ns, true,
       "how long the send call kept the sender busy (floor: the copy itself; exit: 0, the "
       "ending isolate cannot report after its exit call)"},
      {k::copied, "copied", bench::Unit::bytes, true,
       "bytes allocated on the receiver's heap by the send (floor: by the copy; exit: 0, a "
       "hand-over copies nothing; 0 in builds without heap accounting)"},
      {k::throughput, "throughput", bench::Unit::count, false,
       "the data's bytes (objects: the structs and their characters) per microsecond of one-way "
       "latency, i.e. MB/s"},
  };
}

std::vector<bench::ParameterSpec> MessagesScenario::parameter_specs() const {
  return {
      {"kind", "what crossed: bytes, string, objects or value"},
      {"size", "the data's size in bytes, or how many products (objects, value)"},
      {"data_bytes",
       "the data's bytes; for objects the structs plus their strings' characters, for value the "
       "tree's nodes, map keys and characters"}};
}

bool MessagesScenario::runs_by_default(const bench::ModeSpec& mode) const {
  return !(counts_products(settings_.kind) && mode.name == "transfer");
}

std::vector<Point> MessagesScenario::make_points(const bench::RunSettings& settings) {
  const Kind kind = settings_.kind;
  if (counts_products(kind) && sizes_) {
    throw bench::SettingsError("--size: applies to --kind bytes and string; accepted with --kind " +
                               kind_name(kind) + ": --objects N[,N...]");
  }
  if (!counts_products(kind) && objects_) {
    throw bench::SettingsError(
        "--objects: applies to --kind objects and value only; accepted with --kind " +
        kind_name(kind) + ": --size SIZE[,SIZE...]");
  }
  const bool transfer_named =
      std::find(settings.modes.begin(), settings.modes.end(), "transfer") != settings.modes.end();
  if (counts_products(kind) && transfer_named) {
    throw bench::SettingsError(
        "--mode: transfer moves byte buffers, not objects; accepted with "
        "--kind " +
        kind_name(kind) +
        ": --mode floor,copy,share,exit (or a subset; without --mode "
        "these four run)");
  }
  std::vector<std::uint64_t> counts;
  if (counts_products(kind)) {
    for (const auto count : objects_.value_or(settings_.objects)) {
      counts.push_back(static_cast<std::uint64_t>(count));
    }
  } else {
    counts = sizes_.value_or(settings_.sizes);
  }
  std::vector<Point> points;
  for (const auto size : counts) {
    Point point;
    point.kind = kind;
    point.size = size;
    point.seed = settings.seed;
    auto payload = std::make_shared<Payload>(make_payload(kind, size, settings.seed));
    point.expected = checksum(*payload);
    point.data_bytes = data_bytes_of(*payload);
    point.payload = std::move(payload);
    points.push_back(std::move(point));
  }
  return points;
}

std::unique_ptr<bench::ModeRunner> MessagesScenario::make_runner_for(const bench::ModeSpec& mode,
                                                                     const Point& point) {
  return messages::make_runner(mode.name, point);
}

bench::Conclusions MessagesScenario::conclusions(const bench::ScenarioResult& result) const {
  return build_conclusions(points(), result);
}

ISOBENCH_REGISTER_SCENARIO(MessagesScenario);

}  // namespace messages
