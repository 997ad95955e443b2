#include "cli/declared_options.hpp"

#include <string>

namespace isolate_bench {

void add_declared_options(CLI::App& command, const std::vector<bench::OptionSpec>& options) {
  for (const auto& spec : options) {
    const std::string help = spec.default_value.empty()
                                 ? spec.help
                                 : spec.help + " (default: " + spec.default_value + ")";
    CLI::Option* option = nullptr;
    if (spec.value_name.empty()) {
      option = command.add_flag_callback(
          spec.flags, [apply = spec.apply] { apply(""); }, help);
    } else {
      option = command.add_option_function<std::string>(
          spec.flags, [apply = spec.apply](const std::string& value) { apply(value); }, help);
      option->type_name(spec.value_name);
    }
    if (!spec.group.empty()) option->group(spec.group);
  }
}

}  // namespace isolate_bench
