#include "json_parse/scenario/json_parse_scenario.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>

#include "bench/harness/units.hpp"
#include "conclusions.hpp"
#include "json_parse/catalog_generator.hpp"
#include "json_parse/input_file.hpp"
#include "json_parse/typed_decoder.hpp"
#include "result_disposer.hpp"
#include "runners.hpp"
#include "timeline.hpp"

namespace json_parse {
namespace {

struct ModeEntry {
  const char* name;
  const char* description;
  std::unique_ptr<CatalogRunner> (*make)(const SendableBody&, DecoderKind, ResultDisposer&);
};

const std::vector<ModeEntry>& mode_table() {
  static const std::vector<ModeEntry> table{
      {"main", "parse on the main isolate while frames tick (the document's jank)",
       &make_main_runner},
      {"run", "Isolate::run per parse: body copied in, products back by exit", &make_run_runner},
      {"run-send", "Isolate::run per parse: body copied in, products copied back through a port",
       &make_run_send_runner},
      {"compute", "Flutter's compute(parse, body): body copied in, products back by exit",
       &make_compute_runner},
      {"worker", "persistent worker (spawned in setup): request copied in, products copied back",
       &make_worker_runner},
      {"transfer", "persistent worker, body sent as TransferableTypedData, products copied back",
       &make_transfer_runner},
  };
  return table;
}

const ModeEntry& mode_entry(const std::string& name) {
  for (const auto& entry : mode_table()) {
    if (name == entry.name) return entry;
  }
  throw std::invalid_argument("json-parse: unknown mode '" + name + "'");
}

std::string decoder_label(DecoderKind kind) {
  return kind == DecoderKind::typed ? "typed decoder (On-Demand into structs)"
                                    : "dynamic decoder (DOM tree, then mapped: jsonDecode)";
}

DecoderKind decoder_of(const bench::ParameterSet& set) {
  for (const auto& parameter : set.parameters) {
    if (parameter.key != "decoder") continue;
    const auto* text = std::get_if<std::string>(&parameter.value);
    if (text && *text == "typed") return DecoderKind::typed;
    if (text && *text == "dynamic") return DecoderKind::dynamic;
  }
  throw std::invalid_argument("json-parse: parameter set '" + set.label + "' names no decoder");
}

std::vector<std::string> chosen_modes(const std::vector<std::string>& asked) {
  std::set<std::string> seen;
  for (const auto& name : asked) {
    (void)mode_entry(name);
    if (!seen.insert(name).second) {
      throw std::invalid_argument("json-parse: mode '" + name + "' is given twice");
    }
  }
  std::vector<std::string> modes;
  for (const auto& entry : mode_table()) {
    if (asked.empty() || seen.contains(entry.name)) modes.push_back(entry.name);
  }
  return modes;
}

}  // namespace

const std::vector<std::string>& all_mode_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const auto& entry : mode_table()) list.push_back(entry.name);
    return list;
  }();
  return names;
}

JsonParseScenario::JsonParseScenario(JsonParseConfig config)
    : config_(std::move(config)),
      modes_(chosen_modes(config_.modes)),
      disposer_(std::make_unique<ResultDisposer>()) {
  if (config_.input) {
    if (config_.decoder != DecoderChoice::dynamic) {
      throw std::invalid_argument("json-parse: an --input file is parsed with the dynamic decoder");
    }
    decoders_ = {DecoderKind::dynamic};
    InputDocument document = load_input(*config_.input);
    Workload workload;
    workload.bytes = document.body.size();
    workload.label = fmt::format("input '{}' ({} bytes)", config_.input->string(), workload.bytes);
    workload.products = document.mapping.products.size();
    workload.skipped_reason = document.mapping.skipped_reason;
    workload.body = make_sendable_body(document.body);
    workloads_.push_back(std::move(workload));
    return;
  }
  if (config_.decoder != DecoderChoice::typed) decoders_.push_back(DecoderKind::dynamic);
  if (config_.decoder != DecoderChoice::dynamic) decoders_.push_back(DecoderKind::typed);
  if (config_.sizes.empty()) throw std::invalid_argument("json-parse: no size");
  std::set<std::uint64_t> seen;
  for (const auto bytes : config_.sizes) {
    if (bytes < kMinimumCatalogBytes) {
      throw std::invalid_argument(
          fmt::format("json-parse: size {} is below the smallest catalog, "
                      "{} bytes",
                      bytes, kMinimumCatalogBytes));
    }
    if (!seen.insert(bytes).second) {
      throw std::invalid_argument(fmt::format("json-parse: size {} is given twice", bytes));
    }
    Workload workload;
    workload.bytes = bytes;
    workload.label = bench::describe_size(bytes);
    workload.body =
        make_sendable_body(generate_catalog(static_cast<std::size_t>(bytes), config_.seed));
    workload.products = decode_typed(workload.body.view()).size();
    workloads_.push_back(std::move(workload));
  }
}

JsonParseScenario::~JsonParseScenario() = default;

std::string JsonParseScenario::summary() const {
  return "the document's catalog parsed on the main isolate versus offloaded to isolates";
}

std::vector<bench::ModeSpec> JsonParseScenario::modes() const {
  std::vector<bench::ModeSpec> specs;
  for (const auto& name : modes_) specs.push_back({name, mode_entry(name).description});
  return specs;
}

std::vector<bench::ParameterSet> JsonParseScenario::parameter_sets() const {
  std::vector<bench::ParameterSet> sets;
  for (const auto decoder : decoders_) {
    for (const auto& workload : workloads_) {
      bench::ParameterSet set;
      set.label = fmt::format("{}, {} products, {}", workload.label, workload.products,
                              decoder_label(decoder));
      set.parameters.push_back({"size_bytes", static_cast<std::int64_t>(workload.bytes)});
      set.parameters.push_back({"decoder", std::string(to_string(decoder))});
      set.parameters.push_back({"products", static_cast<std::int64_t>(workload.products)});
      if (config_.input) set.parameters.push_back({"input", config_.input->string()});
      sets.push_back(std::move(set));
    }
  }
  return sets;
}

std::vector<bench::MetricSpec> JsonParseScenario::metrics() const {
  return parse_metric_specs();
}

std::vector<bench::MetricSpec> JsonParseScenario::setup_metrics() const {
  return parse_setup_metric_specs();
}

const JsonParseScenario::Workload& JsonParseScenario::workload_of(
    const bench::ParameterSet& set) const {
  const auto bytes = static_cast<std::uint64_t>(bench::integer_parameter(set, "size_bytes"));
  for (const auto& workload : workloads_) {
    if (workload.bytes == bytes) return workload;
  }
  throw std::invalid_argument("json-parse: no workload for parameter set '" + set.label + "'");
}

const SendableBody& JsonParseScenario::body_of(const bench::ParameterSet& set) const {
  return workload_of(set).body;
}

std::unique_ptr<CatalogRunner> JsonParseScenario::make_catalog_runner(
    const bench::ModeSpec& mode, const bench::ParameterSet& set) {
  return mode_entry(mode.name).make(workload_of(set).body, decoder_of(set), *disposer_);
}

std::unique_ptr<bench::ModeRunner> JsonParseScenario::make_runner(const bench::ModeSpec& mode,
                                                                  const bench::ParameterSet& set) {
  return make_catalog_runner(mode, set);
}

std::vector<std::string> JsonParseScenario::conclusions(const bench::ScenarioResult& result) const {
  std::string skipped;
  if (!workloads_.empty()) skipped = workloads_.front().skipped_reason;
  return json_parse_conclusions(result, config_.input.has_value(), skipped);
}

std::unique_ptr<JsonParseScenario> make_json_parse_scenario(JsonParseConfig config) {
  return std::make_unique<JsonParseScenario>(std::move(config));
}

}  // namespace json_parse
