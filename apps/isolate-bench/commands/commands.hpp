#pragma once
// Declarations of the scenario commands, one per file in this folder.

#include "commands/scenario_command.hpp"

namespace isolate_bench {

ScenarioCommand add_spawn_command(CLI::App& app);
ScenarioCommand add_json_parse_command(CLI::App& app);

}  // namespace isolate_bench
