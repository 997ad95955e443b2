#pragma once
// The json-parse scenario: the document's catalog parsed on the main isolate while frames tick,
// versus the ways of offloading it (Isolate::run, compute, a persistent worker, a transfer).
//
// Modes, in this order (the first one chosen is the baseline):
//   main      parse on the main isolate's loop: the document's jank
//   run       Isolate::run per parse; the body is copied in (captured), products come back by exit
//   run-send  like run, but the products come back by copy through a port (the document's
//             "all of those objects are serialized and deserialized"); the timings by exit
//   compute   Flutter's compute(function, body); products come back by exit
//   worker    a persistent worker spawned in setup; each request (body and reply port) is copied
//             in, the products are copied back through the reply port
//   transfer  the same worker, the body crossing as TransferableTypedData (gathered with one
//             copy, as TransferableTypedData.fromList, then moved)
// Every mode parses the same body with the same decoder, in place, after exactly the copies the
// mode stands for, and makes equal products usable on the main isolate.
//
// Parameter sets: every --size (a generated catalog) or the --input file, times every decoder.
// Metrics per repetition (steady_clock instants are comparable between isolates):
//   end_to_end_ns   body in hand on the main isolate -> products usable there (primary)
//   main_thread_ns  time the main isolate itself spent on this parse (starting it, copying in;
//                   the whole parse for main); the harness adds the loop's longest event
//   copy_in_ns, copy_in_bytes    copying the body for the isolate (0 for main)
//   spawn_ns        from the end of the copy-in to the parse starting: the new isolate's start
//                   (run, run-send, compute) or the waiting worker's wake-up (worker, transfer)
//   parse_ns = decode_ns + map_ns   (map_ns: the dynamic tree to products, releasing the tree;
//                   0 for the typed decoder, which has no separate step)
//   return_ns       parse done -> products usable on the main isolate (exit hand-over or copy
//                   and delivery); copy_out_ns, copy_out_bytes: the copy part of it
// Setup metric: worker_spawn_ns, the persistent worker's spawn until its port is in hand.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/harness/scenario.hpp"
#include "json_parse/catalog_parser.hpp"
#include "json_parse/sendable_body.hpp"

namespace json_parse {

class ResultDisposer;

/// The mode names, in the scenario's order.
const std::vector<std::string>& all_mode_names();

enum class DecoderChoice { typed, dynamic, both };

struct JsonParseConfig {
  /// One generated catalog per size, in this order; bytes, each >= kMinimumCatalogBytes.
  std::vector<std::uint64_t> sizes{2'000'000};
  /// Modes to run, names from all_mode_names() (any order, no repeats); empty means all.
  /// They run in the scenario's order whatever the order given.
  std::vector<std::string> modes;
  DecoderChoice decoder = DecoderChoice::both;  ///< dynamic first when both
  /// A user's JSON file instead of generated catalogs (sizes are then ignored); it is parsed
  /// with the dynamic decoder only, and the mapping step is skipped when it is not a product
  /// list.
  std::optional<std::filesystem::path> input;
  std::uint64_t seed = 42;  ///< the generated catalogs' seed
};

/// A runner that keeps what its last run made usable on the main isolate (for tests).
class CatalogRunner : public bench::ModeRunner {
 public:
  /// The result of the last run_once(); an empty catalog before the first.
  virtual const ParsedCatalog& last_result() const = 0;
};

class JsonParseScenario final : public bench::Scenario {
 public:
  /// Generates the catalogs (or loads --input). Throws std::invalid_argument for an empty size
  /// list, a size below kMinimumCatalogBytes, an unknown or repeated mode, or an input with
  /// `decoder` other than dynamic; InputError as load_input() does for an unusable --input file;
  /// std::bad_alloc when a catalog does not fit in memory.
  explicit JsonParseScenario(JsonParseConfig config);
  ~JsonParseScenario() override;

  std::string name() const override { return "json-parse"; }
  std::string summary() const override;
  std::vector<bench::ModeSpec> modes() const override;
  std::vector<bench::ParameterSet> parameter_sets() const override;
  std::vector<bench::MetricSpec> metrics() const override;
  std::vector<bench::MetricSpec> setup_metrics() const override;
  std::unique_ptr<bench::ModeRunner> make_runner(const bench::ModeSpec& mode,
                                                 const bench::ParameterSet& set) override;
  std::vector<std::string> conclusions(const bench::ScenarioResult& result) const override;

  /// make_runner() with its concrete type. Throws std::invalid_argument for an unknown mode or
  /// a parameter set this scenario did not declare.
  std::unique_ptr<CatalogRunner> make_catalog_runner(const bench::ModeSpec& mode,
                                                     const bench::ParameterSet& set);

  /// The body of parameter set `set` (for tests: what every mode parses).
  const SendableBody& body_of(const bench::ParameterSet& set) const;

 private:
  struct Workload {
    std::string label;           ///< "2 MB (2000000 bytes)" or "input 'x.json' (N bytes)"
    std::uint64_t bytes = 0;     ///< JSON text length
    std::size_t products = 0;    ///< products in it (0 when not a product list)
    std::string skipped_reason;  ///< for an input that is not a product list
    SendableBody body;
  };

  const Workload& workload_of(const bench::ParameterSet& set) const;

  JsonParseConfig config_;
  std::vector<std::string> modes_;
  std::vector<DecoderKind> decoders_;
  std::vector<Workload> workloads_;           // runners keep references: the scenario outlives them
  std::unique_ptr<ResultDisposer> disposer_;  // frees the results runners replace
};

/// The scenario for `config`; throws as JsonParseScenario's constructor does.
std::unique_ptr<JsonParseScenario> make_json_parse_scenario(JsonParseConfig config);

}  // namespace json_parse
