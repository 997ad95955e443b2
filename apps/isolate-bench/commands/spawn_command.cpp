// `isolate-bench spawn`: isolate start-up latency in phases, next to a raw thread.

#include <memory>

#include "bench/spawn/spawn_scenario.hpp"
#include "commands/commands.hpp"
#include "options/quantities.hpp"

namespace isolate_bench {

ScenarioCommand add_spawn_command(CLI::App& app) {
  auto config = std::make_shared<bench::SpawnConfig>();
  CLI::App* command =
      app.add_subcommand("spawn", "Isolate start-up latency in phases, next to a raw std::thread");
  command
      ->add_option_function<std::string>(
          "--payload",
          [config](const std::string& value) {
            config->payload_sizes = parse_size_list(value, "--payload");
            for (auto bytes : config->payload_sizes) {
              check_fits_in_memory(bytes, physical_memory_bytes(), "--payload");
            }
          },
          "Bytes copied into each new thread or isolate; a comma list sweeps (default: 1KB). "
          "KB/MB/GB are powers of 10 (1 MB = 1000000 bytes), KiB/MiB/GiB powers of 2")
      ->type_name("SIZE[,SIZE...]");
  command->footer(
      "What it measures: from just before the call that starts a thread or isolate, when the\n"
      "call returned, when the new thread or isolate ran its entry, and when the main isolate\n"
      "held its reply. Modes: thread (baseline, a raw std::thread), spawn (Isolate::spawn, reply\n"
      "through a port), run (Isolate::run, result handed back by exit). The payload is copied\n"
      "into the new thread or isolate in every mode.\n"
      "\n"
      "Examples:\n"
      "  isolate-bench spawn\n"
      "  isolate-bench spawn --payload 1KB,1MB,16MB -r 20\n"
      "  isolate-bench spawn --format markdown --json spawn.json\n");
  return {command, [config](const CommonOptions& common) {
            config->seed = common.seed;
            return bench::make_spawn_scenario(*config);
          }};
}

}  // namespace isolate_bench
