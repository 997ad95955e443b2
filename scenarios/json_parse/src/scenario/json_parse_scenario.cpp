#include "json_parse/scenario/json_parse_scenario.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

#include "bench/harness/mode_table.hpp"
#include "bench/harness/quantities.hpp"
#include "bench/harness/registry.hpp"
#include "bench/harness/settings_error.hpp"
#include "bench/harness/units.hpp"
#include "body_crossing.hpp"
#include "conclusions.hpp"
#include "json_parse/catalog_generator.hpp"
#include "json_parse/errors.hpp"
#include "json_parse/input_file.hpp"
#include "json_parse/typed_decoder.hpp"
#include "result_disposer.hpp"
#include "runners.hpp"
#include "timeline.hpp"

namespace json_parse {
namespace {

/// Memory one byte of --size needs at once: the body (shared by run, compute and worker; copied
/// by run-send, gathered by transfer, one copy in flight), one parse's DOM, iso::Value tree and
/// products with their copy back, the results still waiting for the disposer, and what glibc's
/// one arena keeps after the parses (freed, not returned). Measured peaks (maximum resident set,
/// both decoders, every mode), --size 256MB on a quiet machine: 1.99 GB, 7.8 times the size, with
/// the decoders' lists and maps bump-allocated (2.3-2.5 GB before, 3.5-3.7 GB while each core
/// had its own arena); 8.23 GB, 32.1 times, while two compilers kept both cores busy (the
/// disposer, at the lowest priority, fell behind; measured with an arena per core). The guard
/// covers the busy machine (measure again with `/usr/bin/time -f %M` when the workload changes).
constexpr std::uint64_t kMemoryPerCatalogByte = 36;
/// What a run needs whatever the size, in address space, which `ulimit -v` counts: each isolate
/// thread's stack, and the process's one malloc arena. Measured peaks of the address space
/// (VmPeak, -r 3) while each core had its own arena, 64 MiB reserved each, so above what one
/// arena needs: --size 2MB 570 MB, 20MB 1.08 GB, 32MB 1.49 GB, each under this plus
/// kMemoryPerCatalogByte per byte.
constexpr std::uint64_t kMemoryPerRun = 600'000'000;

using MakeRunner = std::unique_ptr<CatalogRunner> (*)(const CatalogWorkload&, DecoderKind,
                                                      ResultDisposer&);

/// A mode's runner maker and the way its body crosses, which its description names.
struct ModeMaker {
  MakeRunner make;
  BodyCrossing body;
};

/// "<how it runs>: <how the body crosses>, <how the products come back>".
std::string describe_mode(const char* how, BodyCrossing body, const char* products) {
  return fmt::format("{}: {}, {}", how, body_crossing_label(body), products);
}

const bench::ModeTable<ModeMaker>& mode_table() {
  using enum BodyCrossing;
  static const bench::ModeTable<ModeMaker> table(
      "json-parse",
      {
          {{"main", "parse on the main isolate while frames tick (the document's jank)"},
           {&make_main_runner, none}},
          {{"run", describe_mode("Isolate::run per parse", shared, "products back by exit")},
           {&make_run_runner, shared}},
          {{"run-send",
            describe_mode("Isolate::run per parse", copied, "products copied back through a port")},
           {&make_run_send_runner, copied}},
          {{"compute",
            describe_mode("Flutter's compute(parse, body)", shared, "products back by exit")},
           {&make_compute_runner, shared}},
          {{"worker",
            describe_mode("persistent worker (spawned in setup)", shared, "products copied back")},
           {&make_worker_runner, shared}},
          {{"transfer", describe_mode("persistent worker", transferred, "products copied back")},
           {&make_transfer_runner, transferred}},
      });
  return table;
}

std::string decoder_label(DecoderKind kind) {
  return kind == DecoderKind::typed ? "typed decoder (On-Demand into structs)"
                                    : "dynamic decoder (DOM tree, then mapped: jsonDecode)";
}

std::unique_ptr<CatalogWorkload> generated_workload(std::uint64_t bytes, std::uint64_t seed) {
  auto workload = std::make_unique<CatalogWorkload>();
  workload->bytes = bytes;
  workload->label = bench::describe_size(bytes);
  workload->body = SharedBody::make(
      take_as_sendable_body(generate_catalog(static_cast<std::size_t>(bytes), seed)));
  // Counted, not decoded: every run's result is checked against this count, and a decode here
  // would leave its products' pages in the main isolate's heap for the whole run.
  workload->products = count_list_elements(workload->body->view());
  return workload;
}

/// The peak memory of a run on an --input file of `bytes` holding `values` JSON values, with
/// every mode: the body and its copies grow with the bytes, the DOM and the iso::Value trees
/// (decoded, copied back, awaiting disposal) with the values. Measured peaks (maximum resident
/// set, default repetitions): a 50 MB product catalog (2.1 million values) 2.59 GB; 5 MB of
/// [0,0,...] (2.5 million values) 1.39 GB; 50 MB of [0,0,...] (25 million values) was killed by
/// the OOM killer at 23.4 GB of 23 GB. The factors cover each with margin (5.4 GB, 2.9 GB and
/// 28.8 GB here).
constexpr std::uint64_t kInputMemoryPerByte = 64;
constexpr std::uint64_t kInputMemoryPerValue = 1024;

/// Refuses an --input whose run would not fit in memory: called with the file's size before a
/// byte is read (values unknown: 0), and again with its values counted before it is decoded.
void check_input_fits_in_memory(const std::filesystem::path& path, std::uint64_t bytes,
                                std::uint64_t values) {
  const std::uint64_t memory = bench::usable_memory_bytes();
  // Beyond kLargestJsonBytes the reader refuses the file as too large for the parser at all.
  if (memory == 0 || bytes > kLargestJsonBytes) return;
  const std::uint64_t needed = bytes * kInputMemoryPerByte + values * kInputMemoryPerValue;
  if (needed <= memory) return;
  throw bench::SettingsError(fmt::format(
      "--input '{}': a run on its {} bytes{} needs about {} bytes of memory (with every mode: "
      "{} per byte{}), and this process may use {} bytes; accepted: a smaller file",
      path.string(), bytes, values == 0 ? "" : fmt::format(" and {} JSON values", values), needed,
      kInputMemoryPerByte,
      values == 0 ? "" : fmt::format(" and {} per value", kInputMemoryPerValue), memory));
}

/// InputError as the one line of a refused --input.
bench::SettingsError input_refused(const InputError& error) {
  // what() reads "input '<path>': <problem>"; name the option as typed.
  return bench::SettingsError("--" + std::string(error.what()) +
                              "; accepted: a readable file holding one JSON document");
}

std::unique_ptr<CatalogWorkload> input_workload(const std::filesystem::path& path) {
  std::error_code unknown;
  const auto file_size = std::filesystem::file_size(path, unknown);
  if (!unknown) check_input_fits_in_memory(path, file_size, 0);
  InputDocument document;
  try {
    document.body = read_input_file(path);
    check_input_fits_in_memory(path, document.body.size(), count_json_values(document.body));
    document.value = decode_input(path, padded_view(document.body));
    document.mapping = try_map_products(document.value);
  } catch (const InputError& error) {
    throw input_refused(error);
  }
  auto workload = std::make_unique<CatalogWorkload>();
  workload->bytes = document.body.size();
  workload->label = fmt::format("input '{}' ({} bytes)", path.string(), workload->bytes);
  workload->products = document.mapping.products.size();
  workload->skipped_reason = document.mapping.skipped_reason;
  workload->input = path;
  workload->body = SharedBody::make(take_as_sendable_body(std::move(document.body)));
  return workload;
}

}  // namespace

std::string CatalogPoint::label() const {
  return fmt::format("{}, {} products, {}", workload->label, workload->products,
                     decoder_label(decoder));
}

std::vector<bench::Parameter> CatalogPoint::parameters() const {
  std::vector<bench::Parameter> printed{{"size_bytes", workload->bytes},
                                        {"decoder", std::string(to_string(decoder))},
                                        {"products", workload->products}};
  if (workload->input) printed.emplace_back("input", workload->input->string());
  return printed;
}

JsonParseScenario::JsonParseScenario() : disposer_(std::make_unique<ResultDisposer>()) {}

JsonParseScenario::~JsonParseScenario() = default;

std::string JsonParseScenario::summary() const {
  return "the document's JSON catalog parsed on the main isolate versus offloaded to isolates";
}

std::string JsonParseScenario::help() const {
  return "What it measures: the document's opening case. A catalog of products (JSON) is parsed "
         "and\n"
         "mapped to Product structs, on the main isolate while a simulated display ticks (main),\n"
         "or offloaded: Isolate::run (run; run-send copies the products back through a port "
         "instead\n"
         "of handing them over by exit), Flutter's compute (compute), a persistent worker spawned\n"
         "ahead (worker), the same worker with the body as TransferableTypedData (transfer).\n"
         "Per parse: end to end (body in hand to products usable on the main isolate), the main\n"
         "isolate's own busy time, copy in, spawn or wake-up, parse (decode + map), return to "
         "main\n"
         "(copy out or exit hand-over), and the frames lost at --fps.\n"
         "\n"
         "The body: since Dart 2.15 isolates of one group share a String (it is immutable), so\n"
         "run, compute and worker take the body shared: one more reference, and only the\n"
         "message's few bytes are copied. run-send copies the body in, so both paths show (its\n"
         "copy in against run's), and transfer gathers it into a TransferableTypedData. The\n"
         "products (mutable) are copied back, or handed over by exit.\n"
         "\n"
         "Examples:\n"
         "  isolate-bench json-parse --size 2MB\n"
         "  isolate-bench json-parse --size 1MB,2MB,8MB,32MB --decoder dynamic\n"
         "  isolate-bench json-parse --mode main,worker --decoder typed -r 20\n"
         "  isolate-bench json-parse --input my.json --mode main,run\n"
         "\n"
         "Beside Node.js: scripts/compare-node --input my.json runs Node's JSON.parse and a\n"
         "worker_threads worker on the same file, next to the main and worker modes.\n";
}

std::vector<bench::OptionSpec> JsonParseScenario::options() {
  const std::uint64_t memory = bench::usable_memory_bytes();
  bench::SizeBounds bounds;
  bounds.min = kMinimumCatalogBytes;
  if (memory != 0) {
    bounds.max = memory > kMemoryPerRun ? (memory - kMemoryPerRun) / kMemoryPerCatalogByte : 0;
    bounds.max_reason = fmt::format(
        "a run needs about {} bytes of memory plus {} times the catalog's size (its copies, one "
        "parse's tree and products, and what each isolate's heap keeps of its parses), and {} "
        "bytes are usable here (the least of RAM, the cgroup's limit and ulimit -v)",
        kMemoryPerRun, kMemoryPerCatalogByte, memory);
  }
  return {
      bench::size_list_option(
          "--size", settings_.sizes,
          "Catalog sizes, a comma list sweeps. KB/MB/GB are powers of 10 (1 MB = 1000000 bytes), "
          "KiB/MiB/GiB powers of 2",
          "2MB", bounds),
      bench::choice_option<DecoderChoice>(
          "--decoder", settings_.decoder,
          {{"typed", DecoderChoice::typed},
           {"dynamic", DecoderChoice::dynamic},
           {"both", DecoderChoice::both}},
          "typed (simdjson On-Demand into structs), dynamic (a DOM tree mapped to products, as "
          "Dart's jsonDecode), or both side by side",
          "both"),
      bench::input_file_option(
          "--input", settings_.input,
          "Parse this JSON file (any shape) with the dynamic decoder instead of a generated "
          "catalog; the mapping to products is skipped when it is not a product list"),
  };
}

std::vector<bench::ModeSpec> JsonParseScenario::modes() const {
  return mode_table().specs();
}

std::vector<bench::MetricSpec> JsonParseScenario::metrics() const {
  return parse_metric_specs();
}

std::vector<bench::MetricSpec> JsonParseScenario::setup_metrics() const {
  return parse_setup_metric_specs();
}

std::vector<bench::ParameterSpec> JsonParseScenario::parameter_specs() const {
  return {
      {"size_bytes", "the JSON text's exact length in bytes"},
      {"decoder",
       "`typed`: simdjson On-Demand straight into products; `dynamic`: a DOM tree, as Dart's "
       "`jsonDecode` builds, then mapped to products"},
      {"products",
       "how many products the catalog holds; 0 for an `--input` that is not a product "
       "list"},
      {"input", "the file's path, with `--input`"},
  };
}

std::vector<CatalogPoint> JsonParseScenario::make_points(const bench::RunSettings& run) {
  std::vector<DecoderKind> decoders;
  workloads_.clear();
  seed_ = run.seed;
  if (settings_.input) {
    if (settings_.sizes) {
      throw bench::SettingsError(
          "--size cannot be combined with --input; accepted: either --size for a generated "
          "catalog or --input FILE");
    }
    if (settings_.decoder && *settings_.decoder != DecoderChoice::dynamic) {
      throw bench::SettingsError(
          "--decoder: an --input file is parsed with the dynamic decoder; accepted: --decoder "
          "dynamic or no --decoder with --input");
    }
    decoders = {DecoderKind::dynamic};
    workloads_.push_back(input_workload(*settings_.input));
  } else {
    const DecoderChoice choice = settings_.decoder.value_or(DecoderChoice::both);
    if (choice != DecoderChoice::typed) decoders.push_back(DecoderKind::dynamic);
    if (choice != DecoderChoice::dynamic) decoders.push_back(DecoderKind::typed);
    for (const auto bytes : settings_.sizes.value_or(std::vector<std::uint64_t>{2'000'000})) {
      workloads_.push_back(generated_workload(bytes, run.seed));
    }
  }
  std::vector<CatalogPoint> points;
  for (const auto decoder : decoders) {
    for (const auto& workload : workloads_) points.push_back({workload.get(), decoder});
  }
  return points;
}

std::unique_ptr<CatalogRunner> JsonParseScenario::make_catalog_runner(const bench::ModeSpec& mode,
                                                                      std::size_t set) {
  return runner_for(mode, points().at(set));
}

std::unique_ptr<bench::ModeRunner> JsonParseScenario::make_runner_for(const bench::ModeSpec& mode,
                                                                      const CatalogPoint& point) {
  return runner_for(mode, point);
}

std::unique_ptr<CatalogRunner> JsonParseScenario::runner_for(const bench::ModeSpec& mode,
                                                             const CatalogPoint& point) {
  return mode_table().make(mode.name).make(*point.workload, point.decoder, *disposer_);
}

BodyCrossing body_crossing_of(std::string_view mode) {
  const ModeMaker* maker = mode_table().find(mode);
  return maker != nullptr ? maker->body : BodyCrossing::none;
}

std::vector<bench::LibraryVersion> JsonParseScenario::libraries() const {
  return {{"simdjson", describe_json_kernels()}};
}

bench::Conclusions JsonParseScenario::conclusions(const bench::ScenarioResult& result) const {
  return json_parse_conclusions(result, points());
}

std::string JsonParseScenario::workload_format() const {
  return "the generated JSON catalog of each --size (the exact text parsed)";
}

std::vector<bench::Workload> JsonParseScenario::workloads() const {
  std::vector<bench::Workload> files;
  for (const auto& workload : workloads_) {
    if (workload->input) continue;
    const SendableBody& body = *workload->body;
    files.push_back({std::to_string(workload->bytes),
                     fmt::format("the generated catalog of {} products, {}, --seed {}",
                                 workload->products, workload->label, seed_),
                     body.bytes.substr(0, body.json_size)});
  }
  return files;
}

ISOBENCH_REGISTER_SCENARIO(JsonParseScenario);

}  // namespace json_parse
