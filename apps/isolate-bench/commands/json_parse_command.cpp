// `isolate-bench json-parse`: the document's catalog parsed on the main isolate versus offloaded.

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <set>
#include <string>

#include "commands/commands.hpp"
#include "json_parse/catalog_generator.hpp"
#include "json_parse/errors.hpp"
#include "json_parse/scenario/json_parse_scenario.hpp"
#include "options/quantities.hpp"
#include "options/usage_error.hpp"

namespace isolate_bench {
namespace {

/// Memory one byte of --size needs at once: the body held by every mode, the copies in flight,
/// the products of every mode, and the decoders' buffers on the main isolate and both workers.
/// A 32 MB run (all modes, both decoders) peaked at 1.37 GB resident, about 43 times the size.
constexpr std::uint64_t kMemoryPerCatalogByte = 48;

std::string accepted_modes() {
  std::string list;
  for (const auto& name : json_parse::all_mode_names()) {
    list += (list.empty() ? "" : ", ") + name;
  }
  return "all, or a comma list of " + list;
}

std::vector<std::string> parse_mode_list(const std::string& text) {
  if (text == "all") return {};
  std::vector<std::string> modes;
  std::set<std::string> seen;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string name = text.substr(start, comma == std::string::npos ? comma : comma - start);
    const auto& known = json_parse::all_mode_names();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw UsageError(fmt::format("--mode '{}': {} is not a mode; accepted: {}", text,
                                   name.empty() ? "an empty item" : "'" + name + "'",
                                   accepted_modes()));
    }
    if (!seen.insert(name).second) {
      throw UsageError(fmt::format("--mode '{}': '{}' is given twice; accepted: {}", text, name,
                                   accepted_modes()));
    }
    modes.push_back(name);
    if (comma == std::string::npos) return modes;
    start = comma + 1;
  }
}

/// Throws UsageError when a catalog of `bytes` would not fit in this machine's memory with the
/// copies every mode holds at once.
void check_room_for(std::uint64_t bytes, const std::string& text) {
  const std::uint64_t memory = physical_memory_bytes();
  if (memory == 0 || bytes <= memory / kMemoryPerCatalogByte) return;
  throw UsageError(fmt::format(
      "--size '{}': a {} byte catalog needs about {} times that in memory (the body and products "
      "of every mode at once), more than this machine's {} bytes; accepted: sizes up to {} bytes",
      text, bytes, kMemoryPerCatalogByte, memory, memory / kMemoryPerCatalogByte));
}

json_parse::DecoderChoice parse_decoder(const std::string& text) {
  if (text == "typed") return json_parse::DecoderChoice::typed;
  if (text == "dynamic") return json_parse::DecoderChoice::dynamic;
  if (text == "both") return json_parse::DecoderChoice::both;
  throw UsageError(
      fmt::format("--decoder '{}': not a decoder; accepted: typed, dynamic or both", text));
}

struct JsonParseOptions {
  json_parse::JsonParseConfig config;
  bool size_given = false;
  std::optional<json_parse::DecoderChoice> decoder;
};

}  // namespace

ScenarioCommand add_json_parse_command(CLI::App& app) {
  auto options = std::make_shared<JsonParseOptions>();
  CLI::App* command = app.add_subcommand(
      "json-parse", "The document's JSON catalog parsed on the main isolate versus offloaded");
  command
      ->add_option_function<std::string>(
          "--size",
          [options](const std::string& value) {
            options->config.sizes = parse_size_list(value, "--size");
            for (auto bytes : options->config.sizes) {
              if (bytes < json_parse::kMinimumCatalogBytes) {
                throw UsageError(fmt::format(
                    "--size '{}': {} bytes is smaller than the smallest catalog, \"[]\"; "
                    "accepted: {}",
                    value, bytes, kSizeForm));
              }
              check_room_for(bytes, value);
            }
            options->size_given = true;
          },
          "Catalog sizes, a comma list sweeps (default: 2MB). KB/MB/GB are powers of 10 "
          "(1 MB = 1000000 bytes), KiB/MiB/GiB powers of 2")
      ->type_name("SIZE[,SIZE...]");
  command
      ->add_option_function<std::string>(
          "--mode",
          [options](const std::string& value) { options->config.modes = parse_mode_list(value); },
          "Modes to run (default: all): main, run, run-send, compute, worker, transfer; the "
          "first of them in this order is the baseline")
      ->type_name("all|MODE[,MODE...]");
  command
      ->add_option_function<std::string>(
          "--decoder",
          [options](const std::string& value) { options->decoder = parse_decoder(value); },
          "typed (simdjson On-Demand into structs), dynamic (a DOM tree mapped to products, as "
          "Dart's jsonDecode), or both side by side (default: both)")
      ->type_name("typed|dynamic|both");
  command
      ->add_option_function<std::string>(
          "--input", [options](const std::string& value) { options->config.input = value; },
          "Parse this JSON file (any shape) with the dynamic decoder instead of a generated "
          "catalog; the mapping to products is skipped when it is not a product list")
      ->type_name("FILE");
  command->footer(
      "What it measures: the document's opening case. A catalog of products (JSON) is parsed and\n"
      "mapped to Product structs, on the main isolate while a simulated display ticks (main),\n"
      "or offloaded: Isolate::run (run; run-send copies the products back through a port instead\n"
      "of handing them over by exit), Flutter's compute (compute), a persistent worker spawned\n"
      "ahead (worker), the same worker with the body as TransferableTypedData (transfer).\n"
      "Per parse: end to end (body in hand to products usable on the main isolate), the main\n"
      "isolate's own busy time, copy in, spawn or wake-up, parse (decode + map), return to main\n"
      "(copy out or exit hand-over), and the frames lost at --fps.\n"
      "\n"
      "Examples:\n"
      "  isolate-bench json-parse --size 2MB\n"
      "  isolate-bench json-parse --size 1MB,2MB,8MB,32MB --decoder dynamic\n"
      "  isolate-bench json-parse --mode main,worker --decoder typed -r 20\n"
      "  isolate-bench json-parse --input my.json --mode main,run\n");
  return {command, [options](const CommonOptions& common) {
            json_parse::JsonParseConfig config = options->config;
            config.seed = common.seed;
            if (config.input) {
              if (options->size_given) {
                throw UsageError(
                    "--size cannot be combined with --input; accepted: either --size for a "
                    "generated catalog or --input FILE");
              }
              if (options->decoder && *options->decoder != json_parse::DecoderChoice::dynamic) {
                throw UsageError(
                    "--decoder: an --input file is parsed with the dynamic decoder; accepted: "
                    "--decoder dynamic or no --decoder with --input");
              }
              config.decoder = json_parse::DecoderChoice::dynamic;
            } else if (options->decoder) {
              config.decoder = *options->decoder;
            }
            try {
              return std::unique_ptr<bench::Scenario>(
                  json_parse::make_json_parse_scenario(std::move(config)));
            } catch (const json_parse::InputError& error) {
              // what() reads "input '<path>': <problem>"; name the option as typed.
              throw UsageError("--" + std::string(error.what()) +
                               "; accepted: a readable file holding one JSON document");
            }
          }};
}

}  // namespace isolate_bench
