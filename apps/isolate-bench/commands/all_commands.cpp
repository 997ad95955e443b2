#include "commands/commands.hpp"

namespace isolate_bench {

const std::vector<AddScenarioCommand>& scenario_commands() {
  static const std::vector<AddScenarioCommand> commands{
      &add_json_parse_command,
      &add_spawn_command,
  };
  return commands;
}

}  // namespace isolate_bench
