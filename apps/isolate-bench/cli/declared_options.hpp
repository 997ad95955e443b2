#pragma once
// Declared options (bench::OptionSpec, plain data from a scenario or the harness) made into CLI11
// options. The one place where declarations meet the parser.

#include <CLI/CLI.hpp>

#include <vector>

#include "bench/harness/option.hpp"

namespace isolate_bench {

/// Adds each of `options` to `command`. A value is handed to the declaration's apply() as typed,
/// during CLI::App::parse, so a bad one throws bench::SettingsError from parse. An option given
/// twice is a CLI11 error (parse_errors.hpp words it).
void add_declared_options(CLI::App& command, const std::vector<bench::OptionSpec>& options);

}  // namespace isolate_bench
