#pragma once
// --write-workload PATH: a scenario's generated input written as files, instead of a run, so a
// speaker can measure the very same bytes in a Dart or Flutter app and set the two side by side.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bench/harness/scenario.hpp"

namespace isolate_bench {

/// Adds --write-workload to `command` when `scenario` generates an input
/// (Scenario::workload_format()); an empty path is refused while parsing.
void add_workload_option(CLI::App& command, const bench::Scenario& scenario,
                         std::optional<std::filesystem::path>& into);

/// Where each workload goes: `requested` itself for one; for several, the tag is added to the
/// file name before its extension ("catalog.json" -> "catalog-2000000.json").
std::vector<std::filesystem::path> workload_paths(const std::filesystem::path& requested,
                                                  const std::vector<bench::Workload>& workloads);

/// Writes the workloads `scenario` built in prepare() to `requested` (workload_paths()), all or
/// none, and returns one line per file ("Workload: PATH (N bytes): description"). Throws
/// bench::SettingsError when the scenario built none (its data is the user's own --input) or a
/// destination cannot be written; std::runtime_error when writing fails.
std::string write_workloads(const bench::Scenario& scenario,
                            const std::filesystem::path& requested);

}  // namespace isolate_bench
