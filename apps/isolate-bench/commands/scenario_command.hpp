#pragma once
// How a scenario becomes a subcommand: one small file, plus one line in three lists.
//
//   // commands/my_command.cpp
//   ScenarioCommand add_my_command(CLI::App& app) {
//     auto config = std::make_shared<bench::MyConfig>();          // the scenario's plain config
//     CLI::App* command = app.add_subcommand("my-scenario", "What it measures, in one line");
//     command->add_option_function<std::string>("--size",
//         [config](const std::string& v) { config->sizes = parse_size_list(v, "--size"); },
//         "Input sizes, comma list (default: 2MB); MB = 10^6 bytes, MiB = 2^20 bytes");
//     command->footer("What it measures: ...\n\nExamples:\n  isolate-bench my-scenario --size
//     1MB,8MB\n"); return {command, [config](const CommonOptions& common) {
//               config->seed = common.seed;
//               return bench::make_my_scenario(*config);
//             }};
//   }
//
// The description stays one line (`list` and the top-level --help show it); what the scenario
// measures and two or three examples go in the footer, which `isolate-bench my-scenario --help`
// shows under the options. The three lists: declare `add_my_command` in commands/commands.hpp,
// add it to commands/all_commands.cpp, and add the file (and the scenario's library) in
// apps/isolate-bench/CMakeLists.txt. The app adds the common options (--fps, --format, ...) to
// every scenario command; a command adds only its own. Option callbacks validate with
// options/quantities.hpp (sizes, durations, check_fits_in_memory) and
// output/atomic_file.hpp (check_readable_file for an input file); they throw UsageError, which
// the app prints as one line and turns into exit code 2 before anything runs.

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <vector>

#include "bench/harness/scenario.hpp"
#include "options/common_options.hpp"

namespace isolate_bench {

struct ScenarioCommand {
  CLI::App* command = nullptr;  ///< the subcommand, with the scenario's own options
  /// Builds the scenario once parsing succeeded. May throw UsageError for combinations of
  /// options that single callbacks cannot check (e.g. a size above the machine's memory).
  std::function<std::unique_ptr<bench::Scenario>(const CommonOptions&)> make_scenario;
};

using AddScenarioCommand = ScenarioCommand (*)(CLI::App& app);

/// Every scenario command, in the order `list` and --help show them.
const std::vector<AddScenarioCommand>& scenario_commands();

}  // namespace isolate_bench
