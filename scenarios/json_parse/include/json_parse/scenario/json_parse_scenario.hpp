#pragma once
// The json-parse scenario: the document's catalog parsed on the main isolate while frames tick,
// versus the ways of offloading it (Isolate::run, compute, a persistent worker, a transfer).
//
// Modes, in this order (the first one chosen is the baseline). The body is a deeply immutable
// object (a Dart String): since Dart 2.15 the isolates of a group share such objects, so it
// crosses as one more reference, O(1), wherever Dart would share it; run-send keeps the copy, so
// a reader sees both paths (body_crossing.hpp):
//   main      parse on the main isolate's loop: the document's jank
//   run       Isolate::run per parse; the body shared (the closure's String), products back by exit
//   run-send  like run, but the body copied in (an argument) and the products copied back through
//             a port (the document's "all of those objects are serialized and deserialized")
//   compute   Flutter's compute(parse, body): the body shared, products back by exit
//   worker    a persistent worker spawned in setup; each request is copied in with the body
//             shared in it, the products are copied back through the reply port
//   transfer  the same worker, the body crossing as TransferableTypedData (gathered with one
//             copy, as TransferableTypedData.fromList, then moved)
// Every mode parses the same body with the same decoder, in place, after exactly the copies the
// mode stands for (none of the body where it is shared), and makes equal products usable on the
// main isolate.
//
// Parameter sets: every --size (a generated catalog) or the --input file, times every decoder.
// Metrics per repetition (steady_clock instants are comparable between isolates):
//   end_to_end_ns   body in hand on the main isolate -> products usable there (primary)
//   main_thread_ns  time the main isolate itself spent on this parse (starting it, copying in;
//                   the whole parse for main); the harness adds the loop's longest event
//   copy_in_ns, copy_in_bytes    the body's crossing to the isolate: the body's bytes where it is
//                   copied or gathered, the message's few bytes where it is shared (0 for main)
//   spawn_ns        from the end of the copy-in to the parse starting: the new isolate's start
//                   (run, run-send, compute) or the waiting worker's wake-up (worker, transfer)
//   parse_ns = decode_ns + map_ns   (map_ns: the dynamic tree to products, releasing the tree;
//                   0 for the typed decoder, which has no separate step)
//   return_ns       parse done -> products usable on the main isolate (exit hand-over or copy
//                   and delivery); copy_out_ns, copy_out_bytes: the copy part of it
// Setup metric: worker_spawn_ns, the persistent worker's spawn until its port is in hand.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench/harness/scenario.hpp"
#include "json_parse/catalog_parser.hpp"
#include "json_parse/sendable_body.hpp"

namespace json_parse {

class ResultDisposer;

enum class DecoderChoice { typed, dynamic, both };

/// The scenario's own settings, as its options set them; an empty optional was not given.
struct JsonParseSettings {
  std::optional<std::vector<std::uint64_t>> sizes;  ///< --size: generated catalogs (default 2 MB)
  std::optional<DecoderChoice> decoder;  ///< --decoder (default both; dynamic with --input)
  /// --input: a user's JSON file instead of generated catalogs, parsed with the dynamic decoder;
  /// the mapping step is skipped when it is not a product list.
  std::optional<std::filesystem::path> input;
};

/// One body to parse: a generated catalog or the --input file. Shared by the decoders' sets.
struct CatalogWorkload {
  std::string label;           ///< "2 MB (2000000 bytes)" or "input 'x.json' (N bytes)"
  std::uint64_t bytes = 0;     ///< JSON text length
  std::size_t products = 0;    ///< products in it (0 when not a product list)
  std::string skipped_reason;  ///< for an input that is not a product list
  std::optional<std::filesystem::path> input;
  SharedBody body;  ///< built once, immutable; the main isolate parses it in place
};

/// One parameter set: a workload and the decoder that parses it.
struct CatalogPoint {
  const CatalogWorkload* workload = nullptr;  ///< owned by the scenario, which outlives its sets
  DecoderKind decoder = DecoderKind::typed;

  std::string label() const;
  std::vector<bench::Parameter> parameters() const;  ///< size_bytes, decoder, products[, input]
};

/// A mode's runner. Each run_once() checks the result it made usable on the main isolate (the
/// product count of the workload; std::runtime_error otherwise) and frees it right away, so no
/// mode holds products while the others run.
class CatalogRunner : public bench::ModeRunner {
 public:
  /// From now on the runner keeps the result of its last run_once() (for tests).
  virtual void keep_last_result() = 0;
  /// The result of the last run_once() when keep_last_result() was called before it; else an
  /// empty catalog.
  virtual const ParsedCatalog& last_result() const = 0;
  /// Where the last run_once()'s parse read the JSON text: the workload's own body when the
  /// mode shares it (and for main), a copy's address otherwise; 0 before any run.
  virtual std::uint64_t last_body_address() const = 0;
};

class JsonParseScenario final : public bench::ScenarioOf<CatalogPoint> {
 public:
  JsonParseScenario();
  ~JsonParseScenario() override;

  std::string name() const override { return "json-parse"; }
  std::string summary() const override;
  std::string help() const override;
  std::vector<bench::OptionSpec> options() override;
  std::vector<bench::ModeSpec> modes() const override;
  std::vector<bench::MetricSpec> metrics() const override;
  std::vector<bench::MetricSpec> setup_metrics() const override;
  std::vector<bench::ParameterSpec> parameter_specs() const override;
  bench::Conclusions conclusions(const bench::ScenarioResult& result) const override;
  std::string workload_format() const override;
  /// The generated catalogs (none with --input), tagged by their byte count.
  std::vector<bench::Workload> workloads() const override;
  /// simdjson, with the kernels its decoders run (describe_json_kernels()).
  std::vector<bench::LibraryVersion> libraries() const override;

  /// The settings the options write; tests may set them directly before prepare().
  JsonParseSettings& settings() { return settings_; }

  /// make_runner() with its concrete type: `set` indexes points(). Throws std::out_of_range for
  /// an unknown set, std::invalid_argument for an unknown mode.
  std::unique_ptr<CatalogRunner> make_catalog_runner(const bench::ModeSpec& mode, std::size_t set);

 protected:
  /// Checks --size, --decoder and --input together (SettingsError) and builds the bodies:
  /// generates the catalogs, or loads and decodes --input (an unusable file is a SettingsError
  /// naming --input, the problem and the byte offset).
  std::vector<CatalogPoint> make_points(const bench::RunSettings& settings) override;
  std::unique_ptr<bench::ModeRunner> make_runner_for(const bench::ModeSpec& mode,
                                                     const CatalogPoint& point) override;

 private:
  std::unique_ptr<CatalogRunner> runner_for(const bench::ModeSpec& mode, const CatalogPoint& point);

  JsonParseSettings settings_;
  std::vector<std::unique_ptr<CatalogWorkload>> workloads_;  // points keep pointers into these
  std::unique_ptr<ResultDisposer> disposer_;                 // frees the results runners replace
  std::uint64_t seed_ = 0;                                   // the catalogs' --seed
};

}  // namespace json_parse
